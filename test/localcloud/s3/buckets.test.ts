// Bucket operations through @aws-sdk/client-s3: create, head, list, location, delete, and
// the errors S3 answers with.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  GetBucketLocationCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  PutObjectCommand,
  CreateMultipartUploadCommand,
  AbortMultipartUploadCommand,
  UploadPartCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { errorOf, useS3 } from './s3Fixture';

const f = useS3();

test('CreateBucket, HeadBucket, ListBuckets and DeleteBucket', async () => {
  await f.s3.send(new CreateBucketCommand({ Bucket: 'photos-raw' }));
  const head = await f.s3.send(new HeadBucketCommand({ Bucket: 'photos-raw' }));
  assert.equal(head.BucketRegion, 'us-east-1');
  const listed = await f.s3.send(new ListBucketsCommand({}));
  const mine = listed.Buckets?.find((b) => b.Name === 'photos-raw');
  assert.ok(mine?.CreationDate instanceof Date);
  assert.ok(listed.Owner?.ID);
  const location = await f.s3.send(new GetBucketLocationCommand({ Bucket: 'photos-raw' }));
  assert.equal(location.LocationConstraint, undefined);
  await f.s3.send(new DeleteBucketCommand({ Bucket: 'photos-raw' }));
  const gone = await errorOf(() => f.s3.send(new HeadBucketCommand({ Bucket: 'photos-raw' })));
  assert.equal(gone.name, 'NotFound');
  assert.equal(gone.$metadata?.httpStatusCode, 404);
});

test('ListBuckets filters by prefix and pages with a continuation token', async () => {
  for (const n of ['pager-a', 'pager-b', 'pager-c']) await f.s3.send(new CreateBucketCommand({ Bucket: n }));
  const first = await f.s3.send(new ListBucketsCommand({ Prefix: 'pager-', MaxBuckets: 2 }));
  assert.deepEqual(
    first.Buckets?.map((b) => b.Name),
    ['pager-a', 'pager-b'],
  );
  assert.ok(first.ContinuationToken);
  const second = await f.s3.send(
    new ListBucketsCommand({ Prefix: 'pager-', MaxBuckets: 2, ContinuationToken: first.ContinuationToken }),
  );
  assert.deepEqual(
    second.Buckets?.map((b) => b.Name),
    ['pager-c'],
  );
  assert.equal(second.ContinuationToken, undefined);
});

test('re-creating your own bucket: 200 in us-east-1, BucketAlreadyOwnedByYou elsewhere', async () => {
  const name = await f.bucket('twice');
  await f.s3.send(new CreateBucketCommand({ Bucket: name }));
  const eu = new S3Client({ ...f.cloud.clientConfig, region: 'eu-west-1' });
  try {
    await eu.send(
      new CreateBucketCommand({
        Bucket: 'eu-bucket-1',
        CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' },
      }),
    );
    const again = await errorOf(() =>
      eu.send(
        new CreateBucketCommand({
          Bucket: 'eu-bucket-1',
          CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' },
        }),
      ),
    );
    assert.equal(again.name, 'BucketAlreadyOwnedByYou');
    assert.equal(again.$metadata?.httpStatusCode, 409);
    const location = await eu.send(new GetBucketLocationCommand({ Bucket: 'eu-bucket-1' }));
    assert.equal(location.LocationConstraint, 'eu-west-1');
    const elsewhere = await errorOf(() =>
      eu.send(
        new CreateBucketCommand({
          Bucket: 'eu-bucket-2',
          CreateBucketConfiguration: { LocationConstraint: 'ap-south-1' },
        }),
      ),
    );
    assert.equal(elsewhere.name, 'IllegalLocationConstraintException');
    // The us-east-1 endpoint creates a bucket in any region.
    await f.s3.send(
      new CreateBucketCommand({
        Bucket: 'ap-bucket-1',
        CreateBucketConfiguration: { LocationConstraint: 'ap-south-1' },
      }),
    );
    assert.equal((await f.s3.send(new HeadBucketCommand({ Bucket: 'ap-bucket-1' }))).BucketRegion, 'ap-south-1');
  } finally {
    eu.destroy();
  }
});

test('invalid bucket names are refused with InvalidBucketName', async () => {
  for (const name of ['ab', 'Upper-Case', 'has_underscore', '192.168.1.1', 'double..dot', 'xn--bucket', '-leading']) {
    const e = await errorOf(() => f.s3.send(new CreateBucketCommand({ Bucket: name })));
    assert.equal(e.name, 'InvalidBucketName', name);
    assert.equal(e.$metadata?.httpStatusCode, 400);
  }
});

test('DeleteBucket refuses a bucket with objects (BucketNotEmpty); open uploads are discarded with it', async () => {
  const name = await f.bucket('full');
  await f.s3.send(new PutObjectCommand({ Bucket: name, Key: 'a.txt', Body: 'a' }));
  const e = await errorOf(() => f.s3.send(new DeleteBucketCommand({ Bucket: name })));
  assert.equal(e.name, 'BucketNotEmpty');
  assert.equal(e.$metadata?.httpStatusCode, 409);

  const uploading = await f.bucket('uploading');
  const upload = await f.s3.send(new CreateMultipartUploadCommand({ Bucket: uploading, Key: 'big' }));
  await f.s3.send(
    new UploadPartCommand({ Bucket: uploading, Key: 'big', UploadId: upload.UploadId, PartNumber: 1, Body: 'part' }),
  );
  await f.s3.send(new DeleteBucketCommand({ Bucket: uploading }));
  await f.s3.send(new CreateBucketCommand({ Bucket: uploading }));
  const gone = await errorOf(() =>
    f.s3.send(new AbortMultipartUploadCommand({ Bucket: uploading, Key: 'big', UploadId: upload.UploadId })),
  );
  assert.equal(gone.name, 'NoSuchUpload', 'a re-created bucket does not inherit the old uploads');
});

test('operations on a missing bucket answer NoSuchBucket', async () => {
  const del = await errorOf(() => f.s3.send(new DeleteBucketCommand({ Bucket: 'no-such-bucket-here' })));
  assert.equal(del.name, 'NoSuchBucket');
  assert.equal(del.$metadata?.httpStatusCode, 404);
  const put = await errorOf(() =>
    f.s3.send(new PutObjectCommand({ Bucket: 'no-such-bucket-here', Key: 'k', Body: 'x' })),
  );
  assert.equal(put.name, 'NoSuchBucket');
});
