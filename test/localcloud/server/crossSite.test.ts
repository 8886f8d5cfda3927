// `--no-auth` relaxes credentials, never origin: what a web page on another site can send
// without a CORS preflight (text/plain and form POSTs, GET subresources, presigned-looking
// query strings) never reaches a control plane, while SDKs with made-up credentials, local
// pages, and presigned URLs made with the local cloud's own credentials keep working.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { ListFunctionsCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateQueueCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startTestCloud, type TestCloud } from '../../helpers/cloud';
import { rawRequest } from './rawRequest';

let cloud: TestCloud;
const madeUp = { accessKeyId: 'test', secretAccessKey: 'test' };
before(async () => {
  cloud = await startTestCloud({ auth: false });
});
after(async () => {
  await cloud.stop();
});

const EVIL = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' };
const createFunctionBody = JSON.stringify({
  FunctionName: 'pwned',
  Runtime: 'nodejs24.x',
  Role: 'arn:aws:iam::000000000000:role/x',
  Handler: 'index.handler',
  Code: { ZipFile: 'UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==' },
});

async function functionNames(): Promise<string[]> {
  const lambda = new LambdaClient({ ...cloud.clientConfig, credentials: madeUp });
  try {
    return ((await lambda.send(new ListFunctionsCommand({}))).Functions ?? []).map((f) => f.FunctionName!);
  } finally {
    lambda.destroy();
  }
}

async function queueUrls(): Promise<string[]> {
  const sqs = new SQSClient({ ...cloud.clientConfig, credentials: madeUp });
  try {
    return (await sqs.send(new ListQueuesCommand({}))).QueueUrls ?? [];
  } finally {
    sqs.destroy();
  }
}

test("a cross-site text/plain POST creates no function: 403 in Lambda's error shape", async () => {
  const modern = await rawRequest({
    endpoint: cloud.endpoint,
    path: '/2015-03-31/functions',
    headers: { 'content-type': 'text/plain;charset=UTF-8', ...EVIL },
    body: createFunctionBody,
  });
  assert.equal(modern.status, 403);
  assert.equal(modern.headers.get('x-amzn-errortype'), 'MissingAuthenticationToken');
  assert.match(JSON.parse(modern.text).message, /evil\.example/);
  // A browser without Origin or Fetch Metadata headers: the simple content type gives it away.
  const old = await rawRequest({
    endpoint: cloud.endpoint,
    path: '/2015-03-31/functions',
    headers: { 'content-type': 'text/plain' },
    body: createFunctionBody,
  });
  assert.equal(old.status, 403);
  const noType = await rawRequest({
    endpoint: cloud.endpoint,
    path: '/2015-03-31/functions',
    body: createFunctionBody,
  });
  assert.equal(noType.status, 403);
  assert.deepEqual(await functionNames(), []);
});

test('a form POST or a GET subresource with Action=CreateQueue is refused; queues stay as they were', async () => {
  const form = await rawRequest({
    endpoint: cloud.endpoint,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...EVIL },
    body: 'Action=CreateQueue&QueueName=pwned-form',
  });
  assert.equal(form.status, 403);
  assert.match(form.text, /<Code>MissingAuthenticationToken<\/Code>/);
  const oldForm = await rawRequest({
    endpoint: cloud.endpoint,
    headers: { 'content-type': 'application/x-www-form-urlencoded', referer: 'https://evil.example/page' },
    body: 'Action=CreateQueue&QueueName=pwned-old',
  });
  assert.equal(oldForm.status, 403);
  const img = await rawRequest({
    endpoint: cloud.endpoint,
    method: 'GET',
    path: '/?Action=CreateQueue&QueueName=pwned-img',
    headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'image' },
  });
  assert.equal(img.status, 403);
  assert.deepEqual(await queueUrls(), []);
});

test('a page cannot pass off made-up credentials as a signature, in the query or in headers', async () => {
  const credential = `test/20261203/us-east-1/lambda/aws4_request`;
  const query = `X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${encodeURIComponent(credential)}&X-Amz-Date=20261203T000000Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=${'0'.repeat(64)}`;
  const forged = await rawRequest({
    endpoint: cloud.endpoint,
    path: `/2015-03-31/functions?${query}`,
    headers: { 'content-type': 'text/plain', ...EVIL },
    body: createFunctionBody,
  });
  assert.equal(forged.status, 403);
  const signed = await rawRequest({
    endpoint: cloud.endpoint,
    path: '/2015-03-31/functions',
    headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
    body: createFunctionBody,
    sign: { ...madeUp, service: 'lambda' },
  });
  assert.equal(signed.status, 403);
  assert.deepEqual(await functionNames(), []);
});

test('SDKs with any credentials, unsigned JSON from the command line, and local pages keep working', async () => {
  const sqs = new SQSClient({ ...cloud.clientConfig, credentials: madeUp });
  try {
    await sqs.send(new CreateQueueCommand({ QueueName: 'from-sdk' }));
  } finally {
    sqs.destroy();
  }
  const curl = await rawRequest({
    endpoint: cloud.endpoint,
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.CreateQueue' },
    body: JSON.stringify({ QueueName: 'from-curl' }),
  });
  assert.equal(curl.status, 200);
  const local = await rawRequest({
    endpoint: cloud.endpoint,
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': 'AmazonSQS.CreateQueue',
      origin: 'http://localhost:3000',
      'sec-fetch-site': 'same-site',
      'sec-fetch-mode': 'cors',
    },
    body: JSON.stringify({ QueueName: 'from-local-page' }),
  });
  assert.equal(local.status, 200);
  assert.deepEqual((await queueUrls()).map((u) => u.split('/').pop()).sort(), [
    'from-curl',
    'from-local-page',
    'from-sdk',
  ]);
});

test("a presigned S3 URL made with the local cloud's credentials works from any page", async () => {
  const s3 = new S3Client({ ...cloud.clientConfig, requestChecksumCalculation: 'WHEN_REQUIRED' });
  try {
    await s3.send(new CreateBucketCommand({ Bucket: 'uploads' }));
    const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'uploads', Key: 'photo.txt' }), {
      expiresIn: 300,
    });
    const put = await fetch(url, { method: 'PUT', body: 'hello', headers: EVIL });
    assert.equal(put.status, 200);
    const forgedUrl = await getSignedUrl(
      new S3Client({ ...cloud.clientConfig, credentials: madeUp, requestChecksumCalculation: 'WHEN_REQUIRED' }),
      new PutObjectCommand({ Bucket: 'uploads', Key: 'forged.txt' }),
      { expiresIn: 300 },
    );
    assert.equal((await fetch(forgedUrl, { method: 'PUT', body: 'x', headers: EVIL })).status, 403);
  } finally {
    s3.destroy();
  }
});
