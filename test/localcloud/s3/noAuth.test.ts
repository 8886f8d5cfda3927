// With auth off (`hoc cloud --no-auth`, LocalStack-style) S3 accepts unsigned requests and
// any credentials, so plain fetch and curl work against buckets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { bodyText, useS3 } from './s3Fixture';

const f = useS3({ auth: false });

test('unsigned PUT and GET, then the SDK with made-up credentials, reach the same object', async () => {
  const bucket = await f.bucket('open');
  const put = await fetch(`${f.cloud.endpoint}/${bucket}/hello.txt`, {
    method: 'PUT',
    body: 'from curl',
    headers: { 'content-type': 'text/plain' },
  });
  assert.equal(put.status, 200);
  const get = await fetch(`${f.cloud.endpoint}/${bucket}/hello.txt`);
  assert.equal(await get.text(), 'from curl');
  const anyone = new S3Client({
    ...f.cloud.clientConfig,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  try {
    const got = await anyone.send(new GetObjectCommand({ Bucket: bucket, Key: 'hello.txt' }));
    assert.equal(await bodyText(got.Body), 'from curl');
    assert.equal(got.ContentType, 'text/plain');
  } finally {
    anyone.destroy();
  }
});
