// Presigned GET/PUT URLs used with plain fetch, bucket CORS (configuration, browser-style
// unsigned preflight, headers on actual responses) and virtual-host style addressing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import {
  DeleteBucketCorsCommand,
  GetBucketCorsCommand,
  GetObjectCommand,
  PutBucketCorsCommand,
  PutObjectCommand,
  S3Client,
  ListObjectsV2Command,
  CreateBucketCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { rawS3 } from './rawS3';
import { bodyText, errorOf, useS3 } from './s3Fixture';

const f = useS3();

/** A client that presigns without the SDK's default checksum (see the BadDigest test below). */
function presigner(): S3Client {
  return new S3Client({ ...f.cloud.clientConfig, requestChecksumCalculation: 'WHEN_REQUIRED' });
}

test('a presigned GET URL downloads with plain fetch; a tampered or expired one is refused', async () => {
  const bucket = await f.bucket('presign');
  await f.s3.send(
    new PutObjectCommand({ Bucket: bucket, Key: 'docs/read me.txt', Body: 'secret text', ContentType: 'text/plain' }),
  );
  const url = await getSignedUrl(
    f.s3,
    new GetObjectCommand({
      Bucket: bucket,
      Key: 'docs/read me.txt',
      ResponseContentDisposition: 'attachment; filename="r.txt"',
    }),
    { expiresIn: 60 },
  );
  const res = await fetch(url);
  assert.equal(res.status, 200);
  assert.equal(await res.text(), 'secret text');
  assert.equal(res.headers.get('content-disposition'), 'attachment; filename="r.txt"');

  const tampered = await fetch(url.replace('read%20me.txt', 'other.txt'));
  assert.equal(tampered.status, 403);
  assert.match(await tampered.text(), /<Code>SignatureDoesNotMatch<\/Code>/);

  const expiredUrl = await getSignedUrl(f.s3, new GetObjectCommand({ Bucket: bucket, Key: 'docs/read me.txt' }), {
    expiresIn: 1,
    signingDate: new Date(Date.now() - 60_000),
  });
  const expired = await fetch(expiredUrl);
  assert.equal(expired.status, 403);
  assert.match(await expired.text(), /<Code>AccessDenied<\/Code><Message>Request has expired/);
});

test('a presigned PUT URL uploads with plain fetch', async () => {
  const bucket = await f.bucket('presign-put');
  const client = presigner();
  try {
    const url = await getSignedUrl(
      client,
      new PutObjectCommand({ Bucket: bucket, Key: 'upload.json', ContentType: 'application/json' }),
      { expiresIn: 300 },
    );
    const res = await fetch(url, {
      method: 'PUT',
      body: '{"ok":true}',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(res.status, 200, await res.clone().text());
    assert.match(res.headers.get('etag') ?? '', /^"[0-9a-f]{32}"$/);
    const got = await f.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'upload.json' }));
    assert.equal(await bodyText(got.Body), '{"ok":true}');
    assert.equal(got.ContentType, 'application/json');
  } finally {
    client.destroy();
  }
});

test('a presigned PUT that signed the default empty-body CRC32 is refused with BadDigest, as on S3', async () => {
  const bucket = await f.bucket('presign-crc');
  const url = await getSignedUrl(f.s3, new PutObjectCommand({ Bucket: bucket, Key: 'x' }), { expiresIn: 60 });
  assert.match(url, /x-amz-checksum-crc32=AAAAAA%3D%3D/);
  const res = await fetch(url, { method: 'PUT', body: 'not empty' });
  assert.equal(res.status, 400);
  assert.match(await res.text(), /<Code>BadDigest<\/Code>/);
});

test('bucket CORS: configuration round-trip, preflight, headers on actual responses', async () => {
  const bucket = await f.bucket('cors');
  assert.equal(
    (await errorOf(() => f.s3.send(new GetBucketCorsCommand({ Bucket: bucket })))).name,
    'NoSuchCORSConfiguration',
  );
  const noCors = await fetch(`${f.cloud.endpoint}/${bucket}/k`, {
    method: 'OPTIONS',
    headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'GET' },
  });
  assert.equal(noCors.status, 403);
  // A preflight that names no bucket cannot be matched against any CORS configuration.
  const noBucket = await rawS3(f.cloud, {
    method: 'OPTIONS',
    path: '/',
    headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'GET' },
  });
  assert.equal(noBucket.status, 400);
  assert.match(noBucket.body, /<Code>BadRequest<\/Code><Message>Insufficient information/);

  const rules = [
    {
      AllowedOrigins: ['http://localhost:5173'],
      AllowedMethods: ['GET', 'PUT'],
      AllowedHeaders: ['content-type', 'x-amz-*'],
      ExposeHeaders: ['ETag'],
      MaxAgeSeconds: 600,
    },
    { AllowedOrigins: ['*'], AllowedMethods: ['GET'] },
  ];
  await f.s3.send(new PutBucketCorsCommand({ Bucket: bucket, CORSConfiguration: { CORSRules: rules } }));
  const stored = await f.s3.send(new GetBucketCorsCommand({ Bucket: bucket }));
  assert.deepEqual(stored.CORSRules?.[0]?.AllowedMethods, ['GET', 'PUT']);
  assert.deepEqual(stored.CORSRules?.[0]?.ExposeHeaders, ['ETag']);
  assert.equal(stored.CORSRules?.[0]?.MaxAgeSeconds, 600);

  const pre = await fetch(`${f.cloud.endpoint}/${bucket}/photo.png`, {
    method: 'OPTIONS',
    headers: {
      origin: 'http://localhost:5173',
      'access-control-request-method': 'PUT',
      'access-control-request-headers': 'content-type,x-amz-meta-tag',
    },
  });
  assert.equal(pre.status, 200);
  assert.equal(pre.headers.get('access-control-allow-origin'), 'http://localhost:5173');
  assert.equal(pre.headers.get('access-control-allow-methods'), 'GET, PUT');
  assert.equal(pre.headers.get('access-control-allow-headers'), 'content-type, x-amz-meta-tag');
  assert.equal(pre.headers.get('access-control-max-age'), '600');
  assert.equal(pre.headers.get('access-control-expose-headers'), 'ETag');

  const denied = await fetch(`${f.cloud.endpoint}/${bucket}/photo.png`, {
    method: 'OPTIONS',
    headers: { origin: 'http://evil.example', 'access-control-request-method': 'PUT' },
  });
  assert.equal(denied.status, 403);
  assert.match(await denied.text(), /<Code>AccessForbidden<\/Code>/);
  const anyGet = await fetch(`${f.cloud.endpoint}/${bucket}/photo.png`, {
    method: 'OPTIONS',
    headers: { origin: 'http://any.example', 'access-control-request-method': 'GET' },
  });
  assert.equal(anyGet.headers.get('access-control-allow-origin'), '*');

  // An actual (presigned) GET from a page carries the CORS headers.
  await f.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'photo.png', Body: 'png' }));
  const url = await getSignedUrl(f.s3, new GetObjectCommand({ Bucket: bucket, Key: 'photo.png' }), { expiresIn: 60 });
  const actual = await fetch(url, { headers: { origin: 'http://localhost:5173' } });
  assert.equal(actual.status, 200);
  assert.equal(actual.headers.get('access-control-allow-origin'), 'http://localhost:5173');
  assert.equal(actual.headers.get('access-control-expose-headers'), 'ETag');

  await f.s3.send(new DeleteBucketCorsCommand({ Bucket: bucket }));
  assert.equal(
    (await errorOf(() => f.s3.send(new GetBucketCorsCommand({ Bucket: bucket })))).name,
    'NoSuchCORSConfiguration',
  );
});

test('an invalid CORS configuration is refused', async () => {
  const bucket = await f.bucket('badcors');
  const e = await errorOf(() =>
    f.s3.send(
      new PutBucketCorsCommand({
        Bucket: bucket,
        CORSConfiguration: { CORSRules: [{ AllowedOrigins: ['*'], AllowedMethods: ['PATCH'] }] },
      }),
    ),
  );
  assert.equal(e.name, 'InvalidRequest');
});

/** Node cannot resolve *.localhost, so this agent sends every host name to 127.0.0.1 (browsers do so natively). */
const localhostAgent = new Agent({
  lookup: (_host, options, callback) => {
    const cb = callback as unknown as (
      err: Error | null,
      address: string | Array<{ address: string; family: number }>,
      family?: number,
    ) => void;
    if ((options as { all?: boolean }).all) cb(null, [{ address: '127.0.0.1', family: 4 }]);
    else cb(null, '127.0.0.1', 4);
  },
});

test('virtual-host style {bucket}.s3.localhost through the SDK (forcePathStyle false)', async () => {
  const hostClient = new S3Client({
    ...f.cloud.clientConfig,
    endpoint: `http://s3.localhost:${f.cloud.port}`,
    forcePathStyle: false,
    requestHandler: new NodeHttpHandler({ httpAgent: localhostAgent }),
  });
  try {
    await hostClient.send(new CreateBucketCommand({ Bucket: 'hoststyle' }));
    await hostClient.send(new PutObjectCommand({ Bucket: 'hoststyle', Key: 'dir/a b.txt', Body: 'via host' }));
    const got = await hostClient.send(new GetObjectCommand({ Bucket: 'hoststyle', Key: 'dir/a b.txt' }));
    assert.equal(await bodyText(got.Body), 'via host');
    // The same object is reachable path-style.
    const listed = await f.s3.send(new ListObjectsV2Command({ Bucket: 'hoststyle' }));
    assert.deepEqual(
      listed.Contents?.map((o) => o.Key),
      ['dir/a b.txt'],
    );
  } finally {
    hostClient.destroy();
  }
});

function preflightVia(host: string, path: string): Promise<{ status: number; origin: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: f.cloud.port,
        method: 'OPTIONS',
        path,
        headers: { host, origin: 'http://page.localhost', 'access-control-request-method': 'GET' },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            origin: res.headers['access-control-allow-origin'] as string | undefined,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

test("a preflight to another service's host is not taken for a bucket of the same name", async () => {
  await f.s3.send(new CreateBucketCommand({ Bucket: 'prod' }));
  await f.s3.send(
    new PutBucketCorsCommand({
      Bucket: 'prod',
      CORSConfiguration: { CORSRules: [{ AllowedOrigins: ['*'], AllowedMethods: ['GET'] }] },
    }),
  );
  assert.equal(
    (await preflightVia(`localhost:${f.cloud.port}`, '/prod/x')).status,
    200,
    'path-style on a plain host is S3',
  );
  const api = await preflightVia(`abc123.execute-api.localhost:${f.cloud.port}`, '/prod/items');
  assert.notEqual(api.origin, '*', 'an API Gateway stage named like a bucket is not answered by S3');
});

test('an unsigned preflight with a host-style Host header is answered by S3', async () => {
  const bucket = await f.bucket('hostcors');
  await f.s3.send(
    new PutBucketCorsCommand({
      Bucket: bucket,
      CORSConfiguration: { CORSRules: [{ AllowedOrigins: ['*'], AllowedMethods: ['GET'] }] },
    }),
  );
  assert.deepEqual(await preflightVia(`${bucket}.s3.localhost:${f.cloud.port}`, '/file.txt'), {
    status: 200,
    origin: '*',
  });
});
