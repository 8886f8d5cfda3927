// Hostile input that used to get a 500 (or be accepted) gets the 4xx AWS answers: JSON nested
// hundreds of thousands deep, user-chosen names that collide with Object.prototype, a
// presigned URL valid for more than a week, a queue name sent as a number.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  SQSClient,
  SetQueueAttributesCommand,
} from '@aws-sdk/client-sqs';
import { CreateStateMachineCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { startTestCloud, type TestCloud } from '../../../helpers/cloud';
import { rawRequest, sqsJson } from '../rawRequest';

let cloud: TestCloud;
let sqs: SQSClient;
before(async () => {
  cloud = await startTestCloud();
  sqs = new SQSClient(cloud.clientConfig);
});
after(async () => {
  sqs.destroy();
  await cloud.stop();
});

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

test('SQS JSON nested 200,000 deep is a 400 SerializationException, not a stack overflow', async () => {
  const answer = await sqsJson(
    cloud.endpoint,
    'CreateQueue',
    undefined,
    { ...cloud.credentials },
    `{"QueueName":"deep","Attributes":${nested(200_000)}}`,
  );
  assert.equal(answer.status, 400);
  assert.equal((JSON.parse(answer.text) as { __type: string }).__type, 'SerializationException');
  assert.doesNotMatch(answer.text, /call stack/);
});

test('a Step Functions definition nested 50,000 deep is InvalidDefinition, a deep input InvalidExecutionInput', async () => {
  const sfn = new SFNClient(cloud.clientConfig);
  const definition = `{"StartAt":"P","States":{"P":{"Type":"Pass","Result":${nested(50_000)},"End":true}}}`;
  const roleArn = 'arn:aws:iam::000000000000:role/r';
  const err = await sfn.send(new CreateStateMachineCommand({ name: 'deep', definition, roleArn })).then(
    () => undefined,
    (e: Error) => e,
  );
  assert.equal(err?.name, 'InvalidDefinition');
  assert.match(err.message, /deeper than 512 levels/);
  // An execution input is bounded the same way (100,000 levels fit in its 256 KB).
  const pass = `{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}`;
  const { stateMachineArn } = await sfn.send(
    new CreateStateMachineCommand({ name: 'shallow', definition: pass, roleArn }),
  );
  const start = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: nested(100_000) })).then(
    () => undefined,
    (e: Error) => e,
  );
  sfn.destroy();
  assert.equal(start?.name, 'InvalidExecutionInput');
});

test('S3 user metadata named __proto__ or constructor is kept like any other name', async () => {
  const s3 = new S3Client(cloud.clientConfig);
  try {
    await s3.send(new CreateBucketCommand({ Bucket: 'proto' }));
    // Raw HTTP: the SDK's own header handling is not what is under test.
    const put = await rawRequest({
      endpoint: cloud.endpoint,
      method: 'PUT',
      path: '/proto/k',
      body: 'x',
      headers: {
        'x-amz-meta-__proto__': 'p',
        'x-amz-meta-constructor': 'c',
        'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
      },
      sign: { ...cloud.credentials, service: 's3' },
    });
    assert.equal(put.status, 200, put.text);
    const url = new URL(await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'proto', Key: 'k' })));
    const got = await rawRequest({ endpoint: url.href, method: 'GET', path: url.pathname + url.search });
    assert.equal(got.status, 200);
    assert.equal(got.headers.get('x-amz-meta-__proto__'), 'p');
    assert.equal(got.headers.get('x-amz-meta-constructor'), 'c');
  } finally {
    s3.destroy();
  }
});

test('queue attributes named constructor, __proto__ or toString are InvalidAttributeName and not stored', async () => {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'proto-attrs' }));
  for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
    const Attributes = JSON.parse(`{${JSON.stringify(name)}:"1"}`) as Record<string, string>;
    const created = await sqs
      .send(new CreateQueueCommand({ QueueName: `proto-${name.replace(/_/g, '')}`, Attributes }))
      .then(
        () => undefined,
        (e: Error) => e,
      );
    assert.equal(created?.name, 'InvalidAttributeName', `CreateQueue ${name}`);
    const set = await sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes })).then(
      () => undefined,
      (e: Error) => e,
    );
    assert.equal(set?.name, 'InvalidAttributeName', `SetQueueAttributes ${name}`);
  }
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }));
  assert.deepEqual(
    Object.keys(Attributes!).filter((k) => ['constructor', '__proto__', 'toString', 'hasOwnProperty'].includes(k)),
    [],
  );
});

test('a queue name sent as a JSON number is a 400 InvalidParameterValue, not a queue named 42', async () => {
  const answer = await sqsJson(cloud.endpoint, 'CreateQueue', { QueueName: 42 }, { ...cloud.credentials });
  assert.equal(answer.status, 400);
  assert.equal(answer.headers.get('x-amzn-query-error'), 'InvalidParameterValue;Sender');
  const list = await sqsJson(cloud.endpoint, 'ListQueues', { QueueNamePrefix: '42' }, { ...cloud.credentials });
  assert.deepEqual((JSON.parse(list.text) as { QueueUrls?: string[] }).QueueUrls ?? [], []);
});

test('a presigned URL valid for more than a week is a 400 AuthorizationQueryParametersError', async () => {
  const s3 = new S3Client(cloud.clientConfig);
  try {
    await s3.send(new CreateBucketCommand({ Bucket: 'week' }));
    await s3.send(new PutObjectCommand({ Bucket: 'week', Key: 'k', Body: 'x' }));
    const ok = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'week', Key: 'k' }), { expiresIn: 604_800 });
    assert.equal(
      (await rawRequest({ endpoint: ok, method: 'GET', path: new URL(ok).pathname + new URL(ok).search })).status,
      200,
      'a week exactly is allowed',
    );
    for (const [expires, message] of [
      [
        '700000',
        'X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds',
      ],
      ['-1', 'X-Amz-Expires must be non-negative'],
      ['soon', 'X-Amz-Expires should be a number'],
    ]) {
      const url = new URL(ok);
      url.searchParams.set('X-Amz-Expires', expires!);
      const answer = await rawRequest({ endpoint: url.href, method: 'GET', path: url.pathname + url.search });
      assert.equal(answer.status, 400, expires);
      assert.match(answer.text, /<Code>AuthorizationQueryParametersError<\/Code>/);
      assert.ok(answer.text.includes(`<Message>${message}</Message>`), answer.text);
    }
  } finally {
    s3.destroy();
  }
});

test('Lambda, API Gateway and CloudWatch Logs bodies nested 200,000 deep are 400s', async () => {
  const deep = nested(200_000);
  const lambda = await rawRequest({
    endpoint: cloud.endpoint,
    path: '/2015-03-31/functions',
    headers: { 'content-type': 'application/json' },
    body: `{"FunctionName":${deep}}`,
    sign: { ...cloud.credentials, service: 'lambda' },
  });
  assert.equal(lambda.status, 400, lambda.text);
  assert.equal(lambda.headers.get('x-amzn-errortype'), 'InvalidRequestContentException');
  const gateway = await rawRequest({
    endpoint: cloud.endpoint,
    path: '/restapis',
    headers: { 'content-type': 'application/json' },
    body: `{"name":"deep","tags":${deep}}`,
    sign: { ...cloud.credentials, service: 'apigateway' },
  });
  assert.equal(gateway.status, 400, gateway.text);
  const logs = await rawRequest({
    endpoint: cloud.endpoint,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'Logs_20140328.CreateLogGroup' },
    body: `{"logGroupName":"deep","tags":${deep}}`,
    sign: { ...cloud.credentials, service: 'logs' },
  });
  assert.equal(logs.status, 400, logs.text);
  assert.equal((JSON.parse(logs.text) as { __type: string }).__type, 'SerializationException');
});

test('an SQS message attribute or queue tag named __proto__ is kept, not dropped', async () => {
  const c = { ...cloud.credentials };
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'proto-keys' }));
  const sent = await sqsJson(
    cloud.endpoint,
    'SendMessage',
    undefined,
    c,
    `{"QueueUrl":"${QueueUrl}","MessageBody":"x","MessageAttributes":{"__proto__":{"DataType":"String","StringValue":"v"}}}`,
  );
  assert.equal(sent.status, 200);
  assert.ok(
    (JSON.parse(sent.text) as { MD5OfMessageAttributes?: string }).MD5OfMessageAttributes,
    'the attribute was counted',
  );
  const got = await sqsJson(
    cloud.endpoint,
    'ReceiveMessage',
    undefined,
    c,
    `{"QueueUrl":"${QueueUrl}","MessageAttributeNames":["All"]}`,
  );
  assert.match(
    got.text,
    /"MessageAttributes":\{"__proto__":\{"StringValue":"v","DataType":"String"\}|"MessageAttributes":\{"__proto__":\{"DataType":"String","StringValue":"v"\}/,
  );
  await sqsJson(
    cloud.endpoint,
    'TagQueue',
    undefined,
    c,
    `{"QueueUrl":"${QueueUrl}","Tags":{"__proto__":"t","constructor":"c"}}`,
  );
  const tags = await sqsJson(cloud.endpoint, 'ListQueueTags', { QueueUrl }, c);
  assert.equal(tags.text, '{"Tags":{"__proto__":"t","constructor":"c"}}');
});

test('query-protocol parameters named __proto__ or constructor are plain keys: no prototype pollution, no 500', async () => {
  const query = (body: string) =>
    rawRequest({
      endpoint: cloud.endpoint,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      sign: { ...cloud.credentials },
    });
  const polluting = await query(
    'Action=CreateQueue&Version=2012-11-05&QueueName=query-proto&__proto__.polluted=yes&constructor=1',
  );
  assert.equal(polluting.status, 200, polluting.text);
  assert.equal((Object.prototype as Record<string, unknown>).polluted, undefined, 'Object.prototype is untouched');
  const attribute = await query(
    'Action=CreateQueue&Version=2012-11-05&QueueName=query-proto2&Attribute.1.Name=__proto__&Attribute.1.Value=1',
  );
  assert.equal(attribute.status, 400);
  assert.match(attribute.text, /<Code>InvalidAttributeName<\/Code>/);
});

test('query parameters named constructor, toString or __proto__ do not break a valid signature', async () => {
  for (const q of ['constructor=1', 'toString=1', '__proto__=1', 'hasOwnProperty=x']) {
    const answer = await rawRequest({
      endpoint: cloud.endpoint,
      method: 'GET',
      path: `/2015-03-31/functions?${q}`,
      sign: { ...cloud.credentials, service: 'lambda' },
    });
    assert.equal(answer.status, 200, `${q}: ${answer.text}`);
  }
});
