// ListObjectsV2 and ListObjects (v1): prefix, delimiter and CommonPrefixes, max-keys,
// continuation tokens, start-after, and the SDK's own paginator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DeleteObjectsCommand,
  ListObjectVersionsCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  paginateListObjectsV2,
} from '@aws-sdk/client-s3';
import { errorOf, useS3 } from './s3Fixture';

const f = useS3();
const KEYS = [
  'a.txt',
  'b.txt',
  'photos/2024/x.jpg',
  'photos/2024/y.jpg',
  'photos/2025/z.jpg',
  'photos/cover.png',
  'videos/v.mp4',
  'zeta',
];

async function filledBucket(): Promise<string> {
  const bucket = await f.bucket('list');
  await Promise.all(KEYS.map((Key) => f.s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: Key }))));
  return bucket;
}

test('ListObjectsV2 lists every key in order with size and ETag', async () => {
  const bucket = await filledBucket();
  const out = await f.s3.send(new ListObjectsV2Command({ Bucket: bucket }));
  assert.deepEqual(
    out.Contents?.map((o) => o.Key),
    KEYS,
  );
  assert.equal(out.KeyCount, KEYS.length);
  assert.equal(out.IsTruncated, false);
  assert.equal(out.Contents?.[0]?.Size, 'a.txt'.length);
  assert.match(out.Contents?.[0]?.ETag ?? '', /^"[0-9a-f]{32}"$/);
  assert.equal(out.Contents?.[0]?.StorageClass, 'STANDARD');
});

test('prefix and delimiter roll keys up into CommonPrefixes', async () => {
  const bucket = await filledBucket();
  const top = await f.s3.send(new ListObjectsV2Command({ Bucket: bucket, Delimiter: '/' }));
  assert.deepEqual(
    top.Contents?.map((o) => o.Key),
    ['a.txt', 'b.txt', 'zeta'],
  );
  assert.deepEqual(
    top.CommonPrefixes?.map((p) => p.Prefix),
    ['photos/', 'videos/'],
  );
  assert.equal(top.KeyCount, 5);
  const photos = await f.s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'photos/', Delimiter: '/' }));
  assert.deepEqual(
    photos.Contents?.map((o) => o.Key),
    ['photos/cover.png'],
  );
  assert.deepEqual(
    photos.CommonPrefixes?.map((p) => p.Prefix),
    ['photos/2024/', 'photos/2025/'],
  );
  const none = await f.s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'nothing/' }));
  assert.equal(none.Contents, undefined);
  assert.equal(none.KeyCount, 0);
});

test('max-keys pages with continuation tokens, counting common prefixes once', async () => {
  const bucket = await filledBucket();
  const seen: string[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const page = await f.s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Delimiter: '/', MaxKeys: 2, ContinuationToken: token }),
    );
    seen.push(...(page.Contents ?? []).map((o) => o.Key!), ...(page.CommonPrefixes ?? []).map((p) => p.Prefix!));
    assert.ok((page.KeyCount ?? 0) <= 2);
    token = page.NextContinuationToken;
    assert.equal(page.IsTruncated, token !== undefined);
    pages++;
  } while (token);
  assert.equal(pages, 3);
  assert.deepEqual(seen.sort(), ['a.txt', 'b.txt', 'photos/', 'videos/', 'zeta']);
});

test('start-after and the SDK paginator', async () => {
  const bucket = await filledBucket();
  const after = await f.s3.send(new ListObjectsV2Command({ Bucket: bucket, StartAfter: 'photos/2025/z.jpg' }));
  assert.deepEqual(
    after.Contents?.map((o) => o.Key),
    ['photos/cover.png', 'videos/v.mp4', 'zeta'],
  );
  assert.equal(after.StartAfter, 'photos/2025/z.jpg');
  const keys: string[] = [];
  for await (const page of paginateListObjectsV2({ client: f.s3, pageSize: 3 }, { Bucket: bucket }))
    keys.push(...(page.Contents ?? []).map((o) => o.Key!));
  assert.deepEqual(keys, KEYS);
});

test('ListObjects (v1) with marker and NextMarker', async () => {
  const bucket = await filledBucket();
  const first = await f.s3.send(new ListObjectsCommand({ Bucket: bucket, MaxKeys: 3 }));
  assert.deepEqual(
    first.Contents?.map((o) => o.Key),
    KEYS.slice(0, 3),
  );
  assert.equal(first.IsTruncated, true);
  assert.ok(first.Contents?.[0]?.Owner?.ID);
  const rest = await f.s3.send(new ListObjectsCommand({ Bucket: bucket, Marker: first.Contents!.at(-1)!.Key }));
  assert.deepEqual(
    rest.Contents?.map((o) => o.Key),
    KEYS.slice(3),
  );
  const delimited = await f.s3.send(new ListObjectsCommand({ Bucket: bucket, Delimiter: '/', MaxKeys: 3 }));
  assert.equal(delimited.NextMarker, 'photos/');
});

test('url encoding-type, a bad continuation token, a missing bucket', async () => {
  const bucket = await f.bucket('enc');
  await f.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'with space/ü.txt', Body: 'x' }));
  const encoded = await f.s3.send(new ListObjectsV2Command({ Bucket: bucket, EncodingType: 'url' }));
  assert.equal(encoded.EncodingType, 'url');
  assert.equal(decodeURIComponent(encoded.Contents?.[0]?.Key ?? ''), 'with space/ü.txt');
  assert.equal(encoded.Contents?.[0]?.Key, 'with%20space/%C3%BC.txt');
  const bad = await errorOf(() =>
    f.s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: 'garbage' })),
  );
  assert.equal(bad.name, 'InvalidArgument');
  const zero = await f.s3.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 0 }));
  assert.deepEqual([zero.KeyCount, zero.IsTruncated, zero.Contents], [0, false, undefined]);
  const negative = await errorOf(() => f.s3.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: -1 })));
  assert.equal(negative.name, 'InvalidArgument');
  const missing = await errorOf(() => f.s3.send(new ListObjectsV2Command({ Bucket: 'missing-bucket-x' })));
  assert.equal(missing.name, 'NoSuchBucket');
});

test('keys are ordered by their UTF-8 bytes, as S3 orders them', async () => {
  const bucket = await f.bucket('utf8');
  // UTF-16 would put the emoji (a surrogate pair) before U+FF21; UTF-8 puts it after.
  const keys = ['a', 'z', 'é', '\uFF21', '\u{1F600}'];
  await Promise.all(keys.map((Key) => f.s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: 'x' }))));
  const out = await f.s3.send(new ListObjectsV2Command({ Bucket: bucket }));
  const expected = [...keys].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
  assert.deepEqual(
    out.Contents?.map((o) => o.Key),
    expected,
  );
  assert.deepEqual(expected.slice(-2), ['\uFF21', '\u{1F600}']);
});

test('ListObjectVersions on an unversioned bucket: each object is its only version, id "null"', async () => {
  const bucket = await filledBucket();
  const out = await f.s3.send(new ListObjectVersionsCommand({ Bucket: bucket, Prefix: 'photos/' }));
  assert.deepEqual(
    out.Versions?.map((v) => [v.Key, v.VersionId, v.IsLatest]),
    KEYS.filter((k) => k.startsWith('photos/')).map((k) => [k, 'null', true]),
  );
  assert.equal(out.DeleteMarkers, undefined);
  // Emptying a bucket the way teardown tools do: list versions, delete them with their ids.
  const all = await f.s3.send(new ListObjectVersionsCommand({ Bucket: bucket }));
  const result = await f.s3.send(
    new DeleteObjectsCommand({
      Bucket: bucket,
      Delete: { Objects: all.Versions!.map((v) => ({ Key: v.Key!, VersionId: v.VersionId })) },
    }),
  );
  assert.equal(result.Deleted?.length, KEYS.length);
  assert.equal((await f.s3.send(new ListObjectsV2Command({ Bucket: bucket }))).KeyCount, 0);
  const bogus = await f.s3.send(
    new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: [{ Key: 'a.txt', VersionId: 'v123' }] } }),
  );
  assert.deepEqual(
    bogus.Errors?.map((e) => e.Code),
    ['NoSuchVersion'],
  );
});
