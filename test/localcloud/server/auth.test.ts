// SigV4 at the core: unsigned, wrongly signed, tampered and stale requests get 403 in the
// protocol the client speaks, while the server keeps serving; presigned query requests and
// --no-auth (any credentials, LocalStack-style) are accepted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { CreateQueueCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startTestCloud, type TestCloud } from '../../helpers/cloud';
import { rawRequest, sqsJson } from './rawRequest';

let cloud: TestCloud;
before(async () => {
  cloud = await startTestCloud();
});
after(async () => {
  await cloud.stop();
});

async function stillServing(): Promise<void> {
  const sqs = new SQSClient(cloud.clientConfig);
  try {
    const name = `alive-${Date.now()}`;
    await sqs.send(new CreateQueueCommand({ QueueName: name }));
    assert.ok((await sqs.send(new ListQueuesCommand({ QueueNamePrefix: name }))).QueueUrls?.length === 1);
  } finally {
    sqs.destroy();
  }
}

test('an unsigned request gets 403 MissingAuthenticationToken (JSON and query)', async () => {
  const json = await sqsJson(cloud.endpoint, 'ListQueues', {});
  assert.equal(json.status, 403);
  assert.equal(JSON.parse(json.text).__type, 'MissingAuthenticationToken');
  const query = await rawRequest({
    endpoint: cloud.endpoint,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'Action=ListQueues&Version=2012-11-05',
  });
  assert.equal(query.status, 403);
  assert.match(query.text, /<Code>MissingAuthenticationToken<\/Code>/);
  await stillServing();
});

test('a wrong secret gets 403 SignatureDoesNotMatch through the SDK, an unknown key InvalidClientTokenId', async () => {
  const wrongSecret = new SQSClient({
    ...cloud.clientConfig,
    credentials: { accessKeyId: cloud.credentials.accessKeyId, secretAccessKey: 'not-the-secret' },
  });
  await assert.rejects(
    wrongSecret.send(new ListQueuesCommand({})),
    (e: Error & { $metadata: { httpStatusCode: number } }) =>
      e.name === 'SignatureDoesNotMatch' && e.$metadata.httpStatusCode === 403,
  );
  const unknownKey = new SQSClient({
    ...cloud.clientConfig,
    credentials: { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x' },
  });
  await assert.rejects(
    unknownKey.send(new ListQueuesCommand({})),
    (e: Error & { $metadata: { httpStatusCode: number } }) =>
      e.name === 'InvalidClientTokenId' && e.$metadata.httpStatusCode === 403,
  );
  wrongSecret.destroy();
  unknownKey.destroy();
  await stillServing();
});

test('a body changed after signing, or a request signed an hour ago, is refused', async () => {
  const sign = { ...cloud.credentials };
  const tampered = await rawRequest({
    endpoint: cloud.endpoint,
    sign,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'Action=CreateQueue&QueueName=honest&Version=2012-11-05',
    tamper: (b) => b.replace('honest', 'evil00'),
  });
  assert.equal(tampered.status, 403);
  assert.match(tampered.text, /SignatureDoesNotMatch/);
  const stale = await sqsJson(
    cloud.endpoint,
    'ListQueues',
    {},
    { ...sign, signingDate: new Date(Date.now() - 3600_000) },
  );
  assert.equal(stale.status, 403);
  assert.equal(JSON.parse(stale.text).__type, 'RequestTimeTooSkewed');
  const garbled = await rawRequest({
    endpoint: cloud.endpoint,
    headers: { authorization: 'AWS4-HMAC-SHA256 nonsense' },
    body: 'Action=ListQueues',
  });
  assert.equal(garbled.status, 400);
  assert.match(garbled.text, /IncompleteSignature/);
  await stillServing();
});

test('a presigned query-protocol GET is accepted', async () => {
  const url = new URL('/', cloud.endpoint);
  const signer = new SignatureV4({
    service: 'sqs',
    region: 'us-east-1',
    sha256: Sha256,
    credentials: cloud.credentials,
  });
  const presigned = await signer.presign(
    {
      method: 'GET',
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: '/',
      query: { Action: 'ListQueues', Version: '2012-11-05' },
      headers: { host: url.host },
    },
    { expiresIn: 300 },
  );
  const query = new URLSearchParams(presigned.query as Record<string, string>).toString();
  const answer = await fetch(`${cloud.endpoint}/?${query}`);
  assert.equal(answer.status, 200);
  assert.match(await answer.text(), /<ListQueuesResponse/);
});

test('--no-auth accepts any credentials and unsigned requests', async () => {
  const open = await startTestCloud({ auth: false });
  try {
    const anyone = new SQSClient({
      ...open.clientConfig,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    const { QueueUrl } = await anyone.send(new CreateQueueCommand({ QueueName: 'open' }));
    assert.equal(QueueUrl, `${open.endpoint}/000000000000/open`);
    anyone.destroy();
    const unsigned = await sqsJson(open.endpoint, 'ListQueues', {});
    assert.equal(unsigned.status, 200);
    assert.deepEqual(JSON.parse(unsigned.text).QueueUrls, [QueueUrl]);
  } finally {
    await open.stop();
  }
});
