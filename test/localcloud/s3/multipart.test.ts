// Multipart uploads: @aws-sdk/lib-storage's Upload of a body over 5 MiB, and the low-level
// calls with their errors (InvalidPart, InvalidPartOrder, EntityTooSmall, NoSuchUpload).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  UploadPartCommand,
  UploadPartCopyCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { errorOf, useS3 } from './s3Fixture';

const f = useS3();
const MiB = 1024 * 1024;

function multipartEtag(parts: Buffer[]): string {
  const md5s = Buffer.concat(parts.map((p) => createHash('md5').update(p).digest()));
  return `"${createHash('md5').update(md5s).digest('hex')}-${parts.length}"`;
}

test('lib-storage Upload of a 12 MiB stream goes multipart and reads back identically', async () => {
  const bucket = await f.bucket('mp');
  const body = randomBytes(12 * MiB);
  const upload = new Upload({
    client: f.s3,
    params: { Bucket: bucket, Key: 'big.bin', Body: Readable.from([body]), ContentType: 'application/x-test' },
    partSize: 5 * MiB,
    queueSize: 2,
  });
  const parts: number[] = [];
  upload.on('httpUploadProgress', (p) => p.part && parts.push(p.part));
  const done = await upload.done();
  assert.equal(
    done.ETag,
    multipartEtag([body.subarray(0, 5 * MiB), body.subarray(5 * MiB, 10 * MiB), body.subarray(10 * MiB)]),
  );
  assert.equal(new Set(parts).size, 3);
  const got = await f.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'big.bin' }));
  const back = Buffer.from(await got.Body!.transformToByteArray());
  assert.equal(back.length, body.length);
  assert.ok(back.equals(body));
  assert.equal(got.ContentType, 'application/x-test');
  assert.equal(got.ETag, done.ETag);
  const head = await f.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'big.bin', PartNumber: 1 }));
  assert.equal(head.PartsCount, 3);
  const none = await f.s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
  assert.equal(none.Uploads, undefined, 'the completed upload is gone');
});

test('CRC32 composite checksum: parts listed with checksums, object checksum ends in -N', async () => {
  const bucket = await f.bucket('mpck');
  const { UploadId } = await f.s3.send(
    new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'k', ChecksumAlgorithm: 'CRC32' }),
  );
  const p1 = randomBytes(5 * MiB);
  const p2 = randomBytes(1000);
  const r1 = await f.s3.send(
    new UploadPartCommand({ Bucket: bucket, Key: 'k', UploadId, PartNumber: 1, Body: p1, ChecksumAlgorithm: 'CRC32' }),
  );
  const r2 = await f.s3.send(
    new UploadPartCommand({ Bucket: bucket, Key: 'k', UploadId, PartNumber: 2, Body: p2, ChecksumAlgorithm: 'CRC32' }),
  );
  const listed = await f.s3.send(new ListPartsCommand({ Bucket: bucket, Key: 'k', UploadId }));
  assert.deepEqual(
    listed.Parts?.map((p) => [p.PartNumber, p.Size, p.ETag]),
    [
      [1, p1.length, r1.ETag],
      [2, p2.length, r2.ETag],
    ],
  );
  assert.equal(listed.Parts?.[0]?.ChecksumCRC32, r1.ChecksumCRC32);
  const done = await f.s3.send(
    new CompleteMultipartUploadCommand({
      Bucket: bucket,
      Key: 'k',
      UploadId,
      MultipartUpload: {
        Parts: [
          { PartNumber: 1, ETag: r1.ETag, ChecksumCRC32: r1.ChecksumCRC32 },
          { PartNumber: 2, ETag: r2.ETag, ChecksumCRC32: r2.ChecksumCRC32 },
        ],
      },
    }),
  );
  assert.match(done.ChecksumCRC32 ?? '', /^[A-Za-z0-9+/=]+-2$/);
  assert.equal(done.ChecksumType, 'COMPOSITE');
  const got = await f.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'k' }));
  assert.ok(Buffer.from(await got.Body!.transformToByteArray()).equals(Buffer.concat([p1, p2])));
});

test('CompleteMultipartUpload errors: EntityTooSmall, InvalidPart, InvalidPartOrder, NoSuchUpload', async () => {
  const bucket = await f.bucket('mperr');
  const { UploadId } = await f.s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'k' }));
  const r1 = await f.s3.send(
    new UploadPartCommand({ Bucket: bucket, Key: 'k', UploadId, PartNumber: 1, Body: 'small' }),
  );
  const r2 = await f.s3.send(
    new UploadPartCommand({ Bucket: bucket, Key: 'k', UploadId, PartNumber: 2, Body: 'tail' }),
  );
  const complete = (Parts: Array<{ PartNumber: number; ETag?: string }>) =>
    errorOf(() =>
      f.s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: 'k', UploadId, MultipartUpload: { Parts } })),
    );
  assert.equal(
    (
      await complete([
        { PartNumber: 1, ETag: r1.ETag },
        { PartNumber: 2, ETag: r2.ETag },
      ])
    ).name,
    'EntityTooSmall',
  );
  assert.equal((await complete([{ PartNumber: 1, ETag: '"00000000000000000000000000000000"' }])).name, 'InvalidPart');
  assert.equal((await complete([{ PartNumber: 3, ETag: r1.ETag }])).name, 'InvalidPart');
  assert.equal(
    (
      await complete([
        { PartNumber: 2, ETag: r2.ETag },
        { PartNumber: 1, ETag: r1.ETag },
      ])
    ).name,
    'InvalidPartOrder',
  );
  // A single small part is allowed: the last part may be any size.
  const single = await f.s3.send(
    new CompleteMultipartUploadCommand({
      Bucket: bucket,
      Key: 'k',
      UploadId,
      MultipartUpload: { Parts: [{ PartNumber: 2, ETag: r2.ETag }] },
    }),
  );
  assert.equal(single.ETag, multipartEtag([Buffer.from('tail')]));
  const again = await errorOf(() =>
    f.s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'k', UploadId, PartNumber: 1, Body: 'x' })),
  );
  assert.equal(again.name, 'NoSuchUpload');
  assert.equal(again.$metadata?.httpStatusCode, 404);
  const bogus = await errorOf(() => f.s3.send(new ListPartsCommand({ Bucket: bucket, Key: 'k', UploadId: 'bogus' })));
  assert.equal(bogus.name, 'NoSuchUpload');
});

test('AbortMultipartUpload discards the parts; ListMultipartUploads shows open uploads', async () => {
  const bucket = await f.bucket('mpabort');
  const { UploadId } = await f.s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'a/b' }));
  await f.s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'a/b', UploadId, PartNumber: 1, Body: 'x' }));
  const open = await f.s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
  assert.deepEqual(
    open.Uploads?.map((u) => [u.Key, u.UploadId]),
    [['a/b', UploadId]],
  );
  await f.s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: 'a/b', UploadId }));
  assert.equal(
    (await errorOf(() => f.s3.send(new ListPartsCommand({ Bucket: bucket, Key: 'a/b', UploadId })))).name,
    'NoSuchUpload',
  );
  assert.equal(
    (await errorOf(() => f.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'a/b' })))).name,
    'NotFound',
  );
  const badPart = await errorOf(async () => {
    const u = await f.s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'c' }));
    await f.s3.send(
      new UploadPartCommand({ Bucket: bucket, Key: 'c', UploadId: u.UploadId, PartNumber: 10001, Body: 'x' }),
    );
  });
  assert.equal(badPart.name, 'InvalidArgument');
});

test('UploadPartCopy assembles an object from byte ranges of another', async () => {
  const bucket = await f.bucket('mpcopy');
  const source = randomBytes(6 * MiB);
  await f.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'source', Body: source }));
  const { UploadId } = await f.s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'dest' }));
  const first = await f.s3.send(
    new UploadPartCopyCommand({
      Bucket: bucket,
      Key: 'dest',
      UploadId,
      PartNumber: 1,
      CopySource: `${bucket}/source`,
      CopySourceRange: `bytes=0-${5 * MiB - 1}`,
    }),
  );
  const second = await f.s3.send(
    new UploadPartCopyCommand({
      Bucket: bucket,
      Key: 'dest',
      UploadId,
      PartNumber: 2,
      CopySource: `${bucket}/source`,
      CopySourceRange: `bytes=${5 * MiB}-${6 * MiB - 1}`,
    }),
  );
  assert.match(first.CopyPartResult?.ETag ?? '', /^"[0-9a-f]{32}"$/);
  await f.s3.send(
    new CompleteMultipartUploadCommand({
      Bucket: bucket,
      Key: 'dest',
      UploadId,
      MultipartUpload: {
        Parts: [
          { PartNumber: 1, ETag: first.CopyPartResult!.ETag },
          { PartNumber: 2, ETag: second.CopyPartResult!.ETag },
        ],
      },
    }),
  );
  const got = await f.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'dest' }));
  assert.ok(Buffer.from(await got.Body!.transformToByteArray()).equals(source));
  const bad = await errorOf(() =>
    f.s3.send(
      new UploadPartCopyCommand({
        Bucket: bucket,
        Key: 'dest',
        UploadId: 'gone',
        PartNumber: 1,
        CopySource: `${bucket}/source`,
      }),
    ),
  );
  assert.equal(bad.name, 'NoSuchUpload');
});

test('UploadPart refuses a part whose Content-MD5 or checksum does not match its bytes', async () => {
  const bucket = await f.bucket('mpdigest');
  const { UploadId } = await f.s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'k' }));
  const wrongMd5 = createHash('md5').update('other bytes').digest('base64');
  const md5 = await errorOf(() =>
    f.s3.send(
      new UploadPartCommand({
        Bucket: bucket,
        Key: 'k',
        UploadId,
        PartNumber: 1,
        Body: 'part bytes',
        ContentMD5: wrongMd5,
      }),
    ),
  );
  assert.equal(md5.name, 'BadDigest');
  assert.equal(md5.$metadata?.httpStatusCode, 400);
  const wrongSha = createHash('sha256').update('other bytes').digest('base64');
  const sha = await errorOf(() =>
    f.s3.send(
      new UploadPartCommand({
        Bucket: bucket,
        Key: 'k',
        UploadId,
        PartNumber: 1,
        Body: 'part bytes',
        ChecksumSHA256: wrongSha,
      }),
    ),
  );
  assert.equal(sha.name, 'BadDigest');
  const parts = await f.s3.send(new ListPartsCommand({ Bucket: bucket, Key: 'k', UploadId }));
  assert.equal(parts.Parts?.length ?? 0, 0, 'a refused part must not be stored');
});
