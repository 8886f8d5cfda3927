// Bad input gets S3-shaped errors with S3's status codes, never a crash, and the local cloud
// keeps serving afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateMultipartUploadCommand,
  GetObjectCommand,
  ListBucketsCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { errorCode, rawS3 } from './rawS3';
import { errorOf, useS3 } from './s3Fixture';

const f = useS3();

test('an S3 error document carries Code, Message, the resource field, RequestId and HostId', async () => {
  const bucket = await f.bucket('shape');
  const res = await rawS3(f.cloud, { method: 'GET', path: `/${bucket}/missing.txt` });
  assert.equal(res.status, 404);
  assert.equal(res.headers['content-type'], 'application/xml');
  assert.match(
    res.body,
    /^<\?xml version="1.0" encoding="UTF-8"\?>\n<Error><Code>NoSuchKey<\/Code><Message>The specified key does not exist.<\/Message><Key>missing.txt<\/Key><RequestId>[^<]+<\/RequestId><HostId>[^<]+<\/HostId><\/Error>$/,
  );
  assert.equal(res.headers['x-amz-request-id'], /<RequestId>([^<]+)</.exec(res.body)?.[1]);
});

test('HEAD errors have a status and no body', async () => {
  const res = await rawS3(f.cloud, { method: 'HEAD', path: '/no-such-bucket-head' });
  assert.equal(res.status, 404);
  assert.equal(res.body, '');
});

test('malformed XML documents are MalformedXML', async () => {
  const bucket = await f.bucket('xml');
  for (const [query, body] of [
    [{ cors: '' }, '<CORSConfiguration><CORSRule>'],
    [{ cors: '' }, 'not xml at all'],
    [{ cors: '' }, '<CORSConfiguration><CORSRule><AllowedMethod>GET</AllowedMethod></CORSRule></CORSConfiguration>'],
    [
      { notification: '' },
      '<NotificationConfiguration><QueueConfiguration><Event>s3:ObjectCreated:*</Event></QueueConfiguration></NotificationConfiguration>',
    ],
    [{ notification: '' }, ''],
  ] as const) {
    const res = await rawS3(f.cloud, { method: 'PUT', path: `/${bucket}`, query, body });
    assert.equal(res.status, 400, body);
    assert.equal(errorCode(res.body), 'MalformedXML', body);
  }
  const { UploadId } = await f.s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'k' }));
  const complete = await rawS3(f.cloud, {
    method: 'POST',
    path: `/${bucket}/k`,
    query: { uploadId: UploadId! },
    body: '<CompleteMultipartUpload><Part><PartNumber>x',
  });
  assert.equal(errorCode(complete.body), 'MalformedXML');
  const noParts = await rawS3(f.cloud, {
    method: 'POST',
    path: `/${bucket}/k`,
    query: { uploadId: UploadId! },
    body: '<CompleteMultipartUpload></CompleteMultipartUpload>',
  });
  assert.equal(errorCode(noParts.body), 'MalformedXML');
  const create = await rawS3(f.cloud, {
    method: 'PUT',
    path: '/fresh-bucket-xml',
    body: '<CreateBucketConfiguration><LocationConstraint>',
  });
  assert.equal(errorCode(create.body), 'MalformedXML');
});

test('unknown methods and sub-resources: MethodNotAllowed and NotImplemented', async () => {
  const bucket = await f.bucket('methods');
  const patch = await rawS3(f.cloud, { method: 'PATCH', path: `/${bucket}/k` });
  assert.equal(patch.status, 405);
  assert.equal(errorCode(patch.body), 'MethodNotAllowed');
  // Setting a bucket policy is not modelled (reading one answers NoSuchBucketPolicy).
  const policy = await rawS3(f.cloud, { method: 'PUT', path: `/${bucket}`, query: { policy: '' }, body: '{}' });
  assert.equal(policy.status, 501);
  assert.equal(errorCode(policy.body), 'NotImplemented');
  assert.match(policy.body, /localstack or aws target/);
});

test('a body that does not match x-amz-content-sha256 is XAmzContentSHA256Mismatch', async () => {
  const bucket = await f.bucket('sha');
  const res = await rawS3(f.cloud, {
    method: 'PUT',
    path: `/${bucket}/k`,
    body: 'actual body',
    headers: { 'x-amz-content-sha256': 'a'.repeat(64) },
  });
  assert.equal(res.status, 400);
  assert.equal(errorCode(res.body), 'XAmzContentSHA256Mismatch');
});

test('truncated or malformed aws-chunked bodies are refused', async () => {
  const bucket = await f.bucket('trunc');
  const headers = {
    'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
    'content-encoding': 'aws-chunked',
    'x-amz-decoded-content-length': '10',
  };
  const truncated = await rawS3(f.cloud, { method: 'PUT', path: `/${bucket}/a`, headers, body: 'a\r\nhello' });
  assert.equal(errorCode(truncated.body), 'IncompleteBody');
  const garbage = await rawS3(f.cloud, {
    method: 'PUT',
    path: `/${bucket}/b`,
    headers,
    body: 'zz\r\nhello\r\n0\r\n\r\n',
  });
  assert.equal(garbage.status, 400);
  const short = await rawS3(f.cloud, { method: 'PUT', path: `/${bucket}/c`, headers, body: '5\r\nhello\r\n0\r\n\r\n' });
  assert.equal(errorCode(short.body), 'IncompleteBody', 'decoded length differs from x-amz-decoded-content-length');
  const undeclared = await rawS3(f.cloud, {
    method: 'PUT',
    path: `/${bucket}/d`,
    headers: { ...headers, 'x-amz-decoded-content-length': '5', 'x-amz-trailer': 'x-amz-checksum-crc32' },
    body: '5\r\nhello\r\n0\r\n\r\n',
  });
  assert.equal(errorCode(undeclared.body), 'InvalidRequest');
});

test('an unsigned request is AccessDenied (403); a request signed with the wrong secret is SignatureDoesNotMatch', async () => {
  const bucket = await f.bucket('anon');
  await f.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'private', Body: 'secret' }));
  const anonymous = await fetch(`${f.cloud.endpoint}/${bucket}/private`);
  assert.equal(anonymous.status, 403);
  assert.equal(errorCode(await anonymous.text()), 'AccessDenied');
  const wrong = new S3Client({
    ...f.cloud.clientConfig,
    credentials: { accessKeyId: f.cloud.credentials.accessKeyId, secretAccessKey: 'not-the-secret' },
  });
  try {
    const e = await errorOf(() => wrong.send(new GetObjectCommand({ Bucket: bucket, Key: 'private' })));
    assert.equal(e.name, 'SignatureDoesNotMatch');
    assert.equal(e.$metadata?.httpStatusCode, 403);
  } finally {
    wrong.destroy();
  }
});

test('the local cloud still serves after all of the above', async () => {
  const bucket = await f.bucket('after');
  await f.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'ok', Body: 'ok' }));
  const out = await f.s3.send(new ListBucketsCommand({}));
  assert.ok(out.Buckets?.some((b) => b.Name === bucket));
});
