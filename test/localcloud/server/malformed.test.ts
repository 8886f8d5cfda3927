// Bad input never crashes the local cloud: malformed bodies, wrong types, oversized messages,
// unknown actions and services get AWS-shaped errors (code + status), and it keeps serving.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startTestCloud, type TestCloud } from '../../helpers/cloud';
import { rawRequest, sqsJson } from './rawRequest';

let cloud: TestCloud;
let queueUrl: string;
before(async () => {
  cloud = await startTestCloud();
  const sqs = new SQSClient(cloud.clientConfig);
  queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'malformed' }))).QueueUrl!;
  sqs.destroy();
});
after(async () => {
  await cloud.stop();
});

const signed = () => ({ ...cloud.credentials });

function jsonError(text: string): { type: string; message: string } {
  const body = JSON.parse(text) as { __type: string; message: string };
  return { type: body.__type, message: body.message };
}

test('a JSON body that does not parse, or is not an object, is a 400 SerializationException', async () => {
  for (const body of ['{"QueueName":', '[1,2]', 'null', '\u0000\u0001binary']) {
    const answer = await sqsJson(cloud.endpoint, 'CreateQueue', undefined, signed(), body);
    assert.equal(answer.status, 400, body);
    assert.equal(jsonError(answer.text).type, 'SerializationException');
    assert.equal(answer.headers.get('x-amzn-query-error'), 'MalformedQueryString;Sender');
  }
});

test('members of the wrong type are InvalidParameterValue, missing ones MissingParameter', async () => {
  const wrong = await sqsJson(
    cloud.endpoint,
    'ReceiveMessage',
    { QueueUrl: queueUrl, MaxNumberOfMessages: 'lots' },
    signed(),
  );
  assert.equal(wrong.status, 400);
  assert.equal(wrong.headers.get('x-amzn-query-error'), 'InvalidParameterValue;Sender');
  const nested = await sqsJson(
    cloud.endpoint,
    'SendMessage',
    { QueueUrl: queueUrl, MessageBody: { not: 'a string' } },
    signed(),
  );
  assert.equal(nested.status, 400);
  const attrs = await sqsJson(
    cloud.endpoint,
    'SendMessage',
    { QueueUrl: queueUrl, MessageBody: 'x', MessageAttributes: 'nope' },
    signed(),
  );
  assert.equal(attrs.status, 400);
  const entries = await sqsJson(
    cloud.endpoint,
    'SendMessageBatch',
    { QueueUrl: queueUrl, Entries: { Id: 'a' } },
    signed(),
  );
  assert.equal(entries.status, 400);
  const missing = await sqsJson(cloud.endpoint, 'SendMessage', { MessageBody: 'x' }, signed());
  assert.equal(missing.status, 400);
  assert.equal(missing.headers.get('x-amzn-query-error'), 'MissingParameter;Sender');
});

test('an oversized message is InvalidParameterValue, in JSON and in the query protocol', async () => {
  const big = 'x'.repeat(1_048_577);
  const json = await sqsJson(cloud.endpoint, 'SendMessage', { QueueUrl: queueUrl, MessageBody: big }, signed());
  assert.equal(json.status, 400);
  assert.equal(
    jsonError(json.text).message,
    'One or more parameters are invalid. Reason: Message must be shorter than 1048576 bytes.',
  );
  assert.equal(json.headers.get('x-amzn-query-error'), 'InvalidParameterValue;Sender');
  const query = await rawRequest({
    endpoint: cloud.endpoint,
    sign: signed(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ Action: 'SendMessage', QueueUrl: queueUrl, MessageBody: big }).toString(),
  });
  assert.equal(query.status, 400);
  assert.match(query.text, /<Code>InvalidParameterValue<\/Code>/);
});

test('unknown actions: UnknownOperationException in JSON, InvalidAction in the query protocol', async () => {
  const json = await sqsJson(cloud.endpoint, 'LaunchRockets', {}, signed());
  assert.equal(json.status, 400);
  assert.equal(jsonError(json.text).type, 'UnknownOperationException');
  assert.equal(json.headers.get('x-amzn-query-error'), 'InvalidAction;Sender');
  const otherPrefix = await sqsJson(cloud.endpoint, 'SomethingElse.ListQueues', {}, signed());
  assert.equal(otherPrefix.status, 400);
  const query = await rawRequest({
    endpoint: cloud.endpoint,
    sign: signed(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'Action=LaunchRockets&Version=2012-11-05',
  });
  assert.equal(query.status, 400);
  assert.match(query.text, /<Code>InvalidAction<\/Code>/);
  const proto = await rawRequest({
    endpoint: cloud.endpoint,
    sign: signed(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'Action=__proto__&Version=2012-11-05',
  });
  assert.equal(proto.status, 400);
  const wrongType = await rawRequest({
    endpoint: cloud.endpoint,
    sign: signed(),
    headers: { 'content-type': 'text/plain' },
    body: 'hello',
  });
  assert.equal(wrongType.status, 400);
});

test('a service the local cloud does not run is 501 NotImplemented', async () => {
  const answer = await rawRequest({
    endpoint: cloud.endpoint,
    sign: { ...signed(), service: 'kinesis' },
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'Kinesis_20131202.ListStreams' },
    body: '{}',
  });
  assert.equal(answer.status, 501);
  assert.equal(JSON.parse(answer.text).__type, 'NotImplemented');
});

test('after all of that the local cloud still serves, and a bad percent-encoded path is survived', async () => {
  const odd = await rawRequest({
    endpoint: cloud.endpoint,
    path: '/%E0%A4%A/x',
    sign: signed(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'Action=ListQueues',
  });
  assert.ok(odd.status < 500, `status ${odd.status}`);
  const health = await fetch(`${cloud.endpoint}/_localcloud/health`);
  assert.equal(health.status, 200);
  const list = await sqsJson(cloud.endpoint, 'ListQueues', {}, signed());
  assert.equal(list.status, 200);
  assert.deepEqual(JSON.parse(list.text).QueueUrls, [queueUrl]);
});
