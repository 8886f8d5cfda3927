// Browser form uploads: @aws-sdk/s3-presigned-post creates the policy, plain fetch posts
// multipart/form-data unsigned, as a web page does.
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GetObjectCommand, PutBucketCorsCommand, PutBucketNotificationConfigurationCommand } from '@aws-sdk/client-s3';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { errorCode } from './rawS3';
import { bodyText, useS3 } from './s3Fixture';
import { createNotifiableQueue } from './notifiableQueue';

const f = useS3();

function form(fields: Record<string, string>, file: Blob, filename = 'photo.png'): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  data.append('file', file, filename);
  return data;
}

test('a presigned POST uploads a file from a form; ${filename} and success_action_status apply', async () => {
  const bucket = await f.bucket('post');
  const { url, fields } = await createPresignedPost(f.s3, {
    Bucket: bucket,
    Key: 'uploads/${filename}',
    Expires: 300,
    Conditions: [
      ['starts-with', '$key', 'uploads/'],
      ['content-length-range', 1, 1000],
      ['starts-with', '$Content-Type', 'image/'],
    ],
    Fields: { 'Content-Type': 'image/png', success_action_status: '201' },
  });
  const res = await fetch(url, { method: 'POST', body: form(fields, new Blob(['png bytes'])) });
  const text = await res.text();
  assert.equal(res.status, 201, text);
  assert.match(
    text,
    /<PostResponse xmlns="[^"]+"><Location>[^<]+\/uploads\/photo.png<\/Location><Bucket>[^<]+<\/Bucket><Key>uploads\/photo.png<\/Key><ETag>&quot;[0-9a-f]{32}&quot;<\/ETag><\/PostResponse>/,
    'S3 writes quotes in XML as &quot;',
  );
  const got = await f.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'uploads/photo.png' }));
  assert.equal(await bodyText(got.Body), 'png bytes');
  assert.equal(got.ContentType, 'image/png');
});

test('the policy is enforced: conditions, size range, extra fields, signature', async () => {
  const bucket = await f.bucket('postpolicy');
  const { url, fields } = await createPresignedPost(f.s3, {
    Bucket: bucket,
    Key: 'uploads/a.txt',
    Expires: 300,
    Conditions: [['content-length-range', 1, 10]],
  });
  const tooBig = await fetch(url, { method: 'POST', body: form(fields, new Blob(['x'.repeat(11)])) });
  assert.equal(tooBig.status, 400);
  assert.equal(errorCode(await tooBig.text()), 'EntityTooLarge');
  const otherKey = await fetch(url, {
    method: 'POST',
    body: form({ ...fields, key: 'elsewhere.txt' }, new Blob(['x'])),
  });
  assert.equal(otherKey.status, 403);
  assert.match(
    await otherKey.text(),
    /<Code>AccessDenied<\/Code><Message>Invalid according to Policy: Policy Condition failed/,
  );
  const extra = await fetch(url, {
    method: 'POST',
    body: form({ ...fields, 'x-amz-meta-sneaky': '1' }, new Blob(['x'])),
  });
  assert.equal(extra.status, 403);
  assert.match(await extra.text(), /Extra input fields: x-amz-meta-sneaky/);
  const forged = await fetch(url, {
    method: 'POST',
    body: form(
      { ...fields, Policy: Buffer.from('{"expiration":"2099-01-01T00:00:00Z","conditions":[]}').toString('base64') },
      new Blob(['x']),
    ),
  });
  assert.equal(forged.status, 403);
  assert.equal(errorCode(await forged.text()), 'SignatureDoesNotMatch');
  const ok = await fetch(url, { method: 'POST', body: form(fields, new Blob(['fine'])) });
  assert.equal(ok.status, 204);
});

/**
 * Signs a policy document as a browser form's server would: SigV4 for POST signs the base64
 * policy with the signing key of the form's credential scope ("Calculating a signature",
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-post-example.html, read 2026-12-03).
 */
function signedPolicy(document: string, credential: string): Record<string, string> {
  const [, date, region, service] = credential.split('/') as [string, string, string, string];
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
  let key = hmac(`AWS4${f.cloud.credentials.secretAccessKey}`, date);
  for (const part of [region, service, 'aws4_request']) key = hmac(key, part);
  const policy = Buffer.from(document).toString('base64');
  return { Policy: policy, 'X-Amz-Signature': createHmac('sha256', key).update(policy).digest('hex') };
}

test('a form without signing fields, with an unknown key or with an unreadable policy gets the S3 code for it', async () => {
  const bucket = await f.bucket('postbadform');
  const { url, fields } = await createPresignedPost(f.s3, { Bucket: bucket, Key: 'k', Expires: 60 });
  const unsigned = await fetch(url, { method: 'POST', body: form({ key: 'k' }, new Blob(['x'])) });
  assert.equal(unsigned.status, 400);
  assert.match(await unsigned.text(), /<Code>InvalidArgument<\/Code><Message>Bucket POST must contain the fields/);

  const credential = fields['X-Amz-Credential']!;
  const strangerKey = credential.replace(/^[^/]+/, 'AKIASTRANGER');
  const stranger = await fetch(url, {
    method: 'POST',
    body: form({ ...fields, 'X-Amz-Credential': strangerKey }, new Blob(['x'])),
  });
  assert.equal(stranger.status, 403);
  assert.equal(errorCode(await stranger.text()), 'InvalidAccessKeyId');

  const post = (document: string) =>
    fetch(url, { method: 'POST', body: form({ ...fields, ...signedPolicy(document, credential) }, new Blob(['x'])) });
  const notJson = await post('not json');
  assert.equal(notJson.status, 400);
  assert.match(
    await notJson.text(),
    /<Code>InvalidPolicyDocument<\/Code><Message>Invalid Policy: Invalid JSON.<\/Message>/,
  );
  const noExpiry = await post('{"conditions":[]}');
  assert.match(await noExpiry.text(), /<Message>Invalid Policy: Policy missing expiration.<\/Message>/);
  const oddOperator = await post('{"expiration":"2099-01-01T00:00:00Z","conditions":[["ends-with","$key","k"]]}');
  assert.equal(oddOperator.status, 400);
  assert.match(await oddOperator.text(), /<Message>Invalid Policy: Invalid condition operator: ends-with<\/Message>/);
});

test('an expired policy is refused', async () => {
  const bucket = await f.bucket('postexpired');
  const { url, fields } = await createPresignedPost(f.s3, { Bucket: bucket, Key: 'k', Expires: -10 });
  const res = await fetch(url, { method: 'POST', body: form(fields, new Blob(['x'])) });
  assert.equal(res.status, 403);
  assert.match(await res.text(), /Policy expired/);
});

test('a form upload carries CORS headers and notifies ObjectCreated:Post', async () => {
  const bucket = await f.bucket('postcors');
  await f.s3.send(
    new PutBucketCorsCommand({
      Bucket: bucket,
      CORSConfiguration: { CORSRules: [{ AllowedOrigins: ['http://localhost:5173'], AllowedMethods: ['POST'] }] },
    }),
  );
  const sqs = new SQSClient(f.cloud.clientConfig);
  try {
    const { url: QueueUrl, arn } = await createNotifiableQueue(sqs, `posts-${bucket}`);
    await f.s3.send(
      new PutBucketNotificationConfigurationCommand({
        Bucket: bucket,
        NotificationConfiguration: { QueueConfigurations: [{ QueueArn: arn, Events: ['s3:ObjectCreated:Post'] }] },
      }),
    );
    const { url, fields } = await createPresignedPost(f.s3, { Bucket: bucket, Key: 'from-browser.txt', Expires: 60 });
    const res = await fetch(url, {
      method: 'POST',
      body: form(fields, new Blob(['hi'])),
      headers: { origin: 'http://localhost:5173' },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    const names: string[] = [];
    while (names.length < 2) {
      const out = await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 5, MaxNumberOfMessages: 10 }));
      assert.ok(out.Messages, 'expected the test event and the upload event');
      for (const m of out.Messages) {
        const body = JSON.parse(m.Body!) as { Event?: string; Records?: Array<{ eventName: string }> };
        names.push(body.Event ?? body.Records![0]!.eventName);
      }
    }
    assert.deepEqual(names, ['s3:TestEvent', 'ObjectCreated:Post']);
  } finally {
    sqs.destroy();
  }
});
