// PutObject, GetObject, HeadObject, DeleteObject(s) and CopyObject through @aws-sdk/client-s3,
// including aws-chunked streaming uploads with trailing checksums, ranges and conditions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  DeleteObjectTaggingCommand,
  GetObjectTaggingCommand,
  PutObjectTaggingCommand,
} from '@aws-sdk/client-s3';
import { bodyText, errorOf, useS3 } from './s3Fixture';

const f = useS3();

test('PutObject then GetObject returns the same bytes, headers and metadata', async () => {
  const bucket = await f.bucket();
  const body = randomBytes(100_000);
  const put = await f.s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: 'dir/photo one+two.bin',
      Body: body,
      ContentType: 'image/png',
      CacheControl: 'max-age=60',
      ContentDisposition: 'attachment; filename="p.bin"',
      Metadata: { Author: 'Ada', purpose: 'lab' },
    }),
  );
  assert.match(put.ETag!, /^"[0-9a-f]{32}"$/);
  assert.ok(put.ChecksumCRC32, 'the SDK sent a CRC32 and S3 echoes it');
  const got = await f.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'dir/photo one+two.bin' }));
  assert.deepEqual(Buffer.from(await got.Body!.transformToByteArray()), body);
  assert.equal(got.ETag, put.ETag);
  assert.equal(got.ContentType, 'image/png');
  assert.equal(got.CacheControl, 'max-age=60');
  assert.equal(got.ContentDisposition, 'attachment; filename="p.bin"');
  assert.equal(got.ContentLength, body.length);
  assert.deepEqual(got.Metadata, { author: 'Ada', purpose: 'lab' });
  assert.equal(got.ChecksumCRC32, put.ChecksumCRC32);
  assert.ok(got.LastModified instanceof Date);
});

test('a streamed body goes aws-chunked with a trailing checksum and is stored decoded', async () => {
  const bucket = await f.bucket();
  const parts = [randomBytes(70_000), randomBytes(1), randomBytes(50_000)];
  const put = await f.s3.send(
    new PutObjectCommand({ Bucket: bucket, Key: 'streamed', Body: Readable.from(parts), ContentLength: 120_001 }),
  );
  const got = await f.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'streamed' }));
  assert.deepEqual(Buffer.from(await got.Body!.transformToByteArray()), Buffer.concat(parts));
  assert.equal(got.ChecksumCRC32, put.ChecksumCRC32);
  assert.equal(got.ContentEncoding, undefined, 'aws-chunked is a transfer detail, not stored');
});

test('every checksum algorithm the SDK offers is verified and returned', async () => {
  const bucket = await f.bucket();
  for (const algorithm of ['CRC32', 'CRC32C', 'SHA1', 'SHA256', 'CRC64NVME'] as const) {
    const put = await f.s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: algorithm,
        Body: `body for ${algorithm}`,
        ChecksumAlgorithm: algorithm,
      }),
    );
    const head = await f.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: algorithm, ChecksumMode: 'ENABLED' }));
    const field = `Checksum${algorithm}` as const;
    assert.ok(put[field], `${algorithm} echoed`);
    assert.equal(head[field], put[field], algorithm);
    assert.equal(head.ChecksumType, 'FULL_OBJECT');
  }
});

test('a checksum that does not match the body is refused with BadDigest, Content-MD5 too', async () => {
  const bucket = await f.bucket();
  const wrong = await errorOf(() =>
    f.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'hello', ChecksumCRC32: 'AAAAAA==' })),
  );
  assert.equal(wrong.name, 'BadDigest');
  assert.equal(wrong.$metadata?.httpStatusCode, 400);
  const md5 = await errorOf(() =>
    f.s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: 'k',
        Body: 'hello',
        ContentMD5: Buffer.alloc(16).toString('base64'),
      }),
    ),
  );
  assert.equal(md5.name, 'BadDigest');
  const missing = await errorOf(() => f.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'k' })));
  assert.equal(missing.name, 'NotFound', 'nothing was stored');
});

test('GetObject with Range returns 206 and the slice; an unsatisfiable range is InvalidRange', async () => {
  const bucket = await f.bucket();
  await f.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'abc', Body: 'abcdefghij' }));
  const cases: Array<[string, string, string]> = [
    ['bytes=2-4', 'cde', 'bytes 2-4/10'],
    ['bytes=7-', 'hij', 'bytes 7-9/10'],
    ['bytes=-2', 'ij', 'bytes 8-9/10'],
    ['bytes=5-100', 'fghij', 'bytes 5-9/10'],
  ];
  for (const [range, text, contentRange] of cases) {
    const got = await f.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'abc', Range: range }));
    assert.equal(got.$metadata.httpStatusCode, 206);
    assert.equal(await bodyText(got.Body), text, range);
    assert.equal(got.ContentRange, contentRange);
    assert.equal(got.ChecksumCRC32, undefined, 'a checksum describes the whole object only');
  }
  const e = await errorOf(() => f.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'abc', Range: 'bytes=10-' })));
  assert.equal(e.name, 'InvalidRange');
  assert.equal(e.$metadata?.httpStatusCode, 416);
});

test('conditional GetObject: 304 Not Modified and 412 PreconditionFailed', async () => {
  const bucket = await f.bucket();
  const put = await f.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'c', Body: 'content' }));
  const etag = put.ETag!;
  const ok = await f.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'c', IfMatch: etag }));
  assert.equal(await bodyText(ok.Body), 'content');
  const notModified = await errorOf(() =>
    f.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'c', IfNoneMatch: etag })),
  );
  assert.equal(notModified.$metadata?.httpStatusCode, 304);
  const failed = await errorOf(() => f.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'c', IfMatch: '"0000"' })));
  assert.equal(failed.name, 'PreconditionFailed');
  assert.equal(failed.$metadata?.httpStatusCode, 412);
  const future = new Date(Date.now() + 3600_000);
  const past = new Date(Date.now() - 3600_000);
  assert.equal(
    (await errorOf(() => f.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'c', IfModifiedSince: future }))))
      .$metadata?.httpStatusCode,
    304,
  );
  assert.equal(
    (await errorOf(() => f.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'c', IfUnmodifiedSince: past })))).name,
    'PreconditionFailed',
  );
  // If-Match that holds wins over a failing If-Unmodified-Since, as on S3.
  const both = await f.s3.send(
    new GetObjectCommand({ Bucket: bucket, Key: 'c', IfMatch: etag, IfUnmodifiedSince: past }),
  );
  assert.equal(both.$metadata.httpStatusCode, 200);
  const head = await errorOf(() => f.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'c', IfMatch: '"nope"' })));
  assert.equal(head.$metadata?.httpStatusCode, 412);
});

test('conditional PutObject: If-None-Match: * refuses to overwrite', async () => {
  const bucket = await f.bucket();
  await f.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'once', Body: 'first', IfNoneMatch: '*' }));
  const e = await errorOf(() =>
    f.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'once', Body: 'second', IfNoneMatch: '*' })),
  );
  assert.equal(e.name, 'PreconditionFailed');
  assert.equal(await bodyText((await f.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'once' }))).Body), 'first');
  // Concurrent creators: exactly one wins, as on S3.
  const racers = await Promise.allSettled(
    Array.from({ length: 8 }, (_, i) =>
      f.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'race', Body: `racer ${i}`, IfNoneMatch: '*' })),
    ),
  );
  assert.equal(racers.filter((r) => r.status === 'fulfilled').length, 1);
  assert.ok(racers.every((r) => r.status === 'fulfilled' || (r.reason as Error).name === 'PreconditionFailed'));
  const stale = await errorOf(() =>
    f.s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: 'once', Body: 'x', IfMatch: '"00000000000000000000000000000000"' }),
    ),
  );
  assert.equal(stale.name, 'PreconditionFailed');
});

test('HeadObject returns headers without a body; a missing key is NotFound / NoSuchKey', async () => {
  const bucket = await f.bucket();
  await f.s3.send(
    new PutObjectCommand({ Bucket: bucket, Key: 'h', Body: '12345', ContentType: 'text/plain', Metadata: { a: 'b' } }),
  );
  const head = await f.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'h' }));
  assert.equal(head.ContentLength, 5);
  assert.equal(head.ContentType, 'text/plain');
  assert.deepEqual(head.Metadata, { a: 'b' });
  const missingHead = await errorOf(() => f.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'nope' })));
  assert.equal(missingHead.name, 'NotFound');
  assert.equal(missingHead.$metadata?.httpStatusCode, 404);
  const missingGet = await errorOf(() => f.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'nope' })));
  assert.equal(missingGet.name, 'NoSuchKey');
  assert.equal(missingGet.$metadata?.httpStatusCode, 404);
});

test('empty objects and keys with unusual characters round-trip', async () => {
  const bucket = await f.bucket();
  const keys = ['empty', 'sp ace/pl+us/?query#hash', 'ünïcødé/日本語.txt', 'a//double/slash', '%41-literal-percent'];
  for (const key of keys)
    await f.s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: key === 'empty' ? '' : key }));
  for (const key of keys) {
    const got = await f.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    assert.equal(await bodyText(got.Body), key === 'empty' ? '' : key, key);
  }
});

test('DeleteObject removes a key and succeeds for a missing one; DeleteObjects deletes many', async () => {
  const bucket = await f.bucket();
  for (const k of ['a', 'b', 'c']) await f.s3.send(new PutObjectCommand({ Bucket: bucket, Key: k, Body: k }));
  const del = await f.s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'a' }));
  assert.equal(del.$metadata.httpStatusCode, 204);
  await f.s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'a' }));
  assert.equal((await errorOf(() => f.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'a' })))).name, 'NoSuchKey');
  const many = await f.s3.send(
    new DeleteObjectsCommand({
      Bucket: bucket,
      Delete: { Objects: [{ Key: 'b' }, { Key: 'c' }, { Key: 'never-existed' }] },
    }),
  );
  assert.deepEqual(many.Deleted?.map((d) => d.Key).sort(), ['b', 'c', 'never-existed']);
  const quiet = await f.s3.send(
    new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: [{ Key: 'x' }], Quiet: true } }),
  );
  assert.equal(quiet.Deleted, undefined);
  const malformed = await errorOf(() =>
    f.s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: [] } })),
  );
  assert.equal(malformed.name, 'MalformedXML');
});

test('CopyObject copies bytes and metadata, or replaces metadata with REPLACE', async () => {
  const bucket = await f.bucket();
  const other = await f.bucket('other');
  await f.s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: 'src/a b.txt',
      Body: 'original',
      ContentType: 'text/plain',
      Metadata: { v: '1' },
    }),
  );
  const copied = await f.s3.send(
    new CopyObjectCommand({ Bucket: other, Key: 'copy.txt', CopySource: `${bucket}/src/a%20b.txt` }),
  );
  assert.match(copied.CopyObjectResult!.ETag!, /^"[0-9a-f]{32}"$/);
  const got = await f.s3.send(new GetObjectCommand({ Bucket: other, Key: 'copy.txt' }));
  assert.equal(await bodyText(got.Body), 'original');
  assert.equal(got.ContentType, 'text/plain');
  assert.deepEqual(got.Metadata, { v: '1' });

  await f.s3.send(
    new CopyObjectCommand({
      Bucket: bucket,
      Key: 'src/a b.txt',
      CopySource: `${bucket}/src/a%20b.txt`,
      MetadataDirective: 'REPLACE',
      ContentType: 'text/markdown',
      Metadata: { v: '2' },
    }),
  );
  const replaced = await f.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'src/a b.txt' }));
  assert.equal(replaced.ContentType, 'text/markdown');
  assert.deepEqual(replaced.Metadata, { v: '2' });

  const self = await errorOf(() =>
    f.s3.send(new CopyObjectCommand({ Bucket: bucket, Key: 'src/a b.txt', CopySource: `${bucket}/src/a%20b.txt` })),
  );
  assert.equal(self.name, 'InvalidRequest');
  const missing = await errorOf(() =>
    f.s3.send(new CopyObjectCommand({ Bucket: bucket, Key: 'x', CopySource: `${bucket}/missing` })),
  );
  assert.equal(missing.name, 'NoSuchKey');
  const cond = await errorOf(() =>
    f.s3.send(
      new CopyObjectCommand({
        Bucket: bucket,
        Key: 'x',
        CopySource: `${bucket}/src/a%20b.txt`,
        CopySourceIfMatch: '"bad"',
      }),
    ),
  );
  assert.equal(cond.name, 'PreconditionFailed');
});

test('CopyObject copy-source conditions: what would be 304 on a read is 412 on a copy', async () => {
  const bucket = await f.bucket();
  const put = await f.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'src', Body: 'content' }));
  const source = `${bucket}/src`;
  const past = new Date(Date.now() - 3600_000);
  const future = new Date(Date.now() + 3600_000);
  const copy = (conditions: Partial<ConstructorParameters<typeof CopyObjectCommand>[0]>) =>
    f.s3.send(new CopyObjectCommand({ Bucket: bucket, Key: 'dst', CopySource: source, ...conditions }));
  assert.equal((await errorOf(() => copy({ CopySourceIfNoneMatch: put.ETag! }))).name, 'PreconditionFailed');
  assert.equal((await errorOf(() => copy({ CopySourceIfModifiedSince: future }))).name, 'PreconditionFailed');
  assert.equal((await errorOf(() => copy({ CopySourceIfUnmodifiedSince: past }))).name, 'PreconditionFailed');
  // A holding If-Match wins over a failing If-Unmodified-Since, as on reads.
  const copied = await copy({
    CopySourceIfMatch: put.ETag!,
    CopySourceIfUnmodifiedSince: past,
    CopySourceIfModifiedSince: past,
  });
  assert.equal(copied.CopyObjectResult!.ETag, put.ETag);
});

test('a key longer than 1024 bytes is KeyTooLongError; metadata over 2 KB is MetadataTooLarge', async () => {
  const bucket = await f.bucket();
  const e = await errorOf(() => f.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k'.repeat(1025), Body: 'x' })));
  assert.equal(e.name, 'KeyTooLongError');
  const meta = await errorOf(() =>
    f.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'x', Metadata: { big: 'v'.repeat(2100) } })),
  );
  assert.equal(meta.name, 'MetadataTooLarge');
});

test('a client without flexible checksums (WHEN_REQUIRED) still gets a checksum stored (CRC64NVME)', async () => {
  const bucket = await f.bucket();
  const plain = new S3Client({
    ...f.cloud.clientConfig,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  try {
    await plain.send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'plain' }));
  } finally {
    plain.destroy();
  }
  const head = await f.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'k', ChecksumMode: 'ENABLED' }));
  assert.ok(head.ChecksumCRC64NVME);
  const got = await f.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'k' }));
  assert.equal(await bodyText(got.Body), 'plain', 'the SDK validated the CRC64NVME it got back');
});

test('object tags: x-amz-tagging on put, Put/Get/DeleteObjectTagging, copy directive, InvalidTag', async () => {
  const bucket = await f.bucket('tags');
  await f.s3.send(
    new PutObjectCommand({ Bucket: bucket, Key: 'img.png', Body: 'x', Tagging: 'stage=raw&owner=ada%20l' }),
  );
  const head = await f.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'img.png' }));
  assert.equal(head.TagCount, 2);
  const got = await f.s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: 'img.png' }));
  assert.deepEqual(got.TagSet, [
    { Key: 'stage', Value: 'raw' },
    { Key: 'owner', Value: 'ada l' },
  ]);
  await f.s3.send(
    new PutObjectTaggingCommand({
      Bucket: bucket,
      Key: 'img.png',
      Tagging: { TagSet: [{ Key: 'stage', Value: 'processed' }] },
    }),
  );
  assert.deepEqual((await f.s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: 'img.png' }))).TagSet, [
    { Key: 'stage', Value: 'processed' },
  ]);
  await f.s3.send(new CopyObjectCommand({ Bucket: bucket, Key: 'copy.png', CopySource: `${bucket}/img.png` }));
  assert.deepEqual((await f.s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: 'copy.png' }))).TagSet, [
    { Key: 'stage', Value: 'processed' },
  ]);
  await f.s3.send(
    new CopyObjectCommand({
      Bucket: bucket,
      Key: 'copy2.png',
      CopySource: `${bucket}/img.png`,
      TaggingDirective: 'REPLACE',
      Tagging: 'k=v',
    }),
  );
  assert.deepEqual((await f.s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: 'copy2.png' }))).TagSet, [
    { Key: 'k', Value: 'v' },
  ]);
  await f.s3.send(new DeleteObjectTaggingCommand({ Bucket: bucket, Key: 'img.png' }));
  assert.deepEqual((await f.s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: 'img.png' }))).TagSet, []);
  const tooMany = Array.from({ length: 11 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
  const e = await errorOf(() =>
    f.s3.send(new PutObjectTaggingCommand({ Bucket: bucket, Key: 'img.png', Tagging: { TagSet: tooMany } })),
  );
  assert.equal(e.name, 'InvalidTag');
  const missing = await errorOf(() => f.s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: 'nope' })));
  assert.equal(missing.name, 'NoSuchKey');
});
