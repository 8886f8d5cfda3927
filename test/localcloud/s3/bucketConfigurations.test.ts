// Bucket tagging, and the bucket configurations the local cloud does not model: each read
// answers as S3 does for a bucket that never had it set — today's defaults or the NoSuch…
// 404 — so tools that read them all (Terraform's AWS provider) work. Codes from the S3 API
// Reference "Error responses"; defaults from the S3 User Guide (SSE-S3 since 2023-01-05,
// BucketOwnerEnforced and Block Public Access for new buckets since April 2023); read 2026-12-03.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DeleteBucketTaggingCommand,
  GetBucketAccelerateConfigurationCommand,
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLoggingCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketReplicationCommand,
  GetBucketRequestPaymentCommand,
  GetBucketTaggingCommand,
  GetBucketWebsiteCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  PutBucketTaggingCommand,
} from '@aws-sdk/client-s3';
import { errorOf, useS3 } from './s3Fixture';

const f = useS3();

test('PutBucketTagging, GetBucketTagging, DeleteBucketTagging; no tags is NoSuchTagSet', async () => {
  const bucket = await f.bucket('tagged');
  const none = await errorOf(() => f.s3.send(new GetBucketTaggingCommand({ Bucket: bucket })));
  assert.equal(none.name, 'NoSuchTagSet');
  assert.equal(none.$metadata?.httpStatusCode, 404);
  await f.s3.send(
    new PutBucketTaggingCommand({
      Bucket: bucket,
      Tagging: {
        TagSet: [
          { Key: 'course', Value: 'hoc' },
          { Key: 'lab', Value: '07' },
        ],
      },
    }),
  );
  assert.deepEqual((await f.s3.send(new GetBucketTaggingCommand({ Bucket: bucket }))).TagSet, [
    { Key: 'course', Value: 'hoc' },
    { Key: 'lab', Value: '07' },
  ]);
  // A put replaces the whole set.
  await f.s3.send(
    new PutBucketTaggingCommand({ Bucket: bucket, Tagging: { TagSet: [{ Key: 'only', Value: 'this' }] } }),
  );
  assert.deepEqual((await f.s3.send(new GetBucketTaggingCommand({ Bucket: bucket }))).TagSet, [
    { Key: 'only', Value: 'this' },
  ]);
  const duplicate = await errorOf(() =>
    f.s3.send(
      new PutBucketTaggingCommand({
        Bucket: bucket,
        Tagging: {
          TagSet: [
            { Key: 'a', Value: '1' },
            { Key: 'a', Value: '2' },
          ],
        },
      }),
    ),
  );
  assert.equal(duplicate.name, 'InvalidTag');
  await f.s3.send(new DeleteBucketTaggingCommand({ Bucket: bucket }));
  assert.equal((await errorOf(() => f.s3.send(new GetBucketTaggingCommand({ Bucket: bucket })))).name, 'NoSuchTagSet');
  assert.equal(
    (await errorOf(() => f.s3.send(new GetBucketTaggingCommand({ Bucket: 'no-such-bucket-here' })))).name,
    'NoSuchBucket',
  );
});

test('configurations a bucket never had: the NoSuch… 404s', async () => {
  const bucket = await f.bucket('bare');
  const cases: Array<[string, () => Promise<unknown>]> = [
    ['NoSuchBucketPolicy', () => f.s3.send(new GetBucketPolicyCommand({ Bucket: bucket }))],
    ['NoSuchWebsiteConfiguration', () => f.s3.send(new GetBucketWebsiteCommand({ Bucket: bucket }))],
    ['NoSuchLifecycleConfiguration', () => f.s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket }))],
    ['ReplicationConfigurationNotFoundError', () => f.s3.send(new GetBucketReplicationCommand({ Bucket: bucket }))],
    [
      'ObjectLockConfigurationNotFoundError',
      () => f.s3.send(new GetObjectLockConfigurationCommand({ Bucket: bucket })),
    ],
  ];
  for (const [code, call] of cases) {
    const e = await errorOf(call);
    assert.equal(e.name, code);
    assert.equal(e.$metadata?.httpStatusCode, 404, code);
  }
  assert.equal(
    (await errorOf(() => f.s3.send(new GetBucketPolicyCommand({ Bucket: 'no-such-bucket-here' })))).name,
    'NoSuchBucket',
  );
});

test('configurations every bucket has: owner-only ACL, SSE-S3, owner-enforced, public access blocked, nothing else', async () => {
  const bucket = await f.bucket('defaults');
  const acl = await f.s3.send(new GetBucketAclCommand({ Bucket: bucket }));
  assert.equal(acl.Grants!.length, 1);
  assert.equal(acl.Grants![0]!.Permission, 'FULL_CONTROL');
  assert.equal(acl.Grants![0]!.Grantee!.Type, 'CanonicalUser');
  assert.equal(acl.Grants![0]!.Grantee!.ID, acl.Owner!.ID);
  const encryption = await f.s3.send(new GetBucketEncryptionCommand({ Bucket: bucket }));
  assert.equal(
    encryption.ServerSideEncryptionConfiguration!.Rules![0]!.ApplyServerSideEncryptionByDefault!.SSEAlgorithm,
    'AES256',
  );
  const ownership = await f.s3.send(new GetBucketOwnershipControlsCommand({ Bucket: bucket }));
  assert.equal(ownership.OwnershipControls!.Rules![0]!.ObjectOwnership, 'BucketOwnerEnforced');
  const pab = await f.s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket }));
  assert.deepEqual(pab.PublicAccessBlockConfiguration, {
    BlockPublicAcls: true,
    IgnorePublicAcls: true,
    BlockPublicPolicy: true,
    RestrictPublicBuckets: true,
  });
  assert.equal((await f.s3.send(new GetBucketAccelerateConfigurationCommand({ Bucket: bucket }))).Status, undefined);
  assert.equal((await f.s3.send(new GetBucketLoggingCommand({ Bucket: bucket }))).LoggingEnabled, undefined);
  assert.equal((await f.s3.send(new GetBucketRequestPaymentCommand({ Bucket: bucket }))).Payer, 'BucketOwner');
});
