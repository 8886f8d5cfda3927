// The query protocol (form requests, XML answers) as older SDKs speak it: raw signed HTTP,
// then Debian's boto3 1.26 and AWS CLI 2.9, which use it for SQS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { queryCall } from './queryClient';
import { uniqueName, useSqs } from './kit';

const kit = useSqs();
const run = promisify(execFile);
const call = (params: Record<string, string>, path?: string) =>
  queryCall(kit.cloud.endpoint, kit.cloud.credentials, params, { path });
type X = Record<string, any>;

test('query protocol: create, send with attributes, receive, delete — XML shaped as AWS', async () => {
  const name = uniqueName('query');
  const created = await call({
    Action: 'CreateQueue',
    QueueName: name,
    'Attribute.1.Name': 'VisibilityTimeout',
    'Attribute.1.Value': '45',
    'Tag.1.Key': 'env',
    'Tag.1.Value': 'lab',
  });
  assert.equal(created.status, 200);
  assert.equal(created.headers.get('content-type'), 'text/xml');
  const url = (created.xml as X).CreateQueueResponse.CreateQueueResult.QueueUrl[0];
  assert.equal(url, `${kit.cloud.endpoint}/000000000000/${name}`);
  assert.match((created.xml as X).CreateQueueResponse.ResponseMetadata.RequestId, /^[0-9a-f-]{36}$/);

  const sent = await call({
    Action: 'SendMessage',
    QueueUrl: url,
    MessageBody: 'message-body-1',
    'MessageAttribute.1.Name': 'MyAttribute',
    'MessageAttribute.1.Value.DataType': 'String',
    'MessageAttribute.1.Value.StringValue': 'foobar',
  });
  const sr = (sent.xml as X).SendMessageResponse.SendMessageResult;
  assert.equal(sr.MD5OfMessageBody, '19c9e282d65f9733bc6b35d50062c7ee');
  assert.equal(sr.MD5OfMessageAttributes, 'adb59cd4678ea5a855436b949cd07ab6');

  const got = await call({
    Action: 'ReceiveMessage',
    QueueUrl: url,
    'AttributeName.1': 'All',
    'MessageAttributeName.1': 'All',
    MaxNumberOfMessages: '5',
  });
  const message = (got.xml as X).ReceiveMessageResponse.ReceiveMessageResult.Message[0];
  assert.equal(message.Body, 'message-body-1');
  assert.equal(message.MessageId, sr.MessageId);
  assert.equal(message.MD5OfBody, createHash('md5').update('message-body-1').digest('hex'));
  const attrs = Object.fromEntries(message.Attribute.map((a: X) => [a.Name, a.Value]));
  assert.equal(attrs.ApproximateReceiveCount, '1');
  assert.deepEqual(message.MessageAttribute, [
    { Name: 'MyAttribute', Value: { DataType: 'String', StringValue: 'foobar' } },
  ]);

  const deleted = await call({ Action: 'DeleteMessage', QueueUrl: url, ReceiptHandle: message.ReceiptHandle });
  assert.equal(deleted.status, 200);
  assert.ok((deleted.xml as X).DeleteMessageResponse.ResponseMetadata.RequestId);

  const queueAttrs = await call({
    Action: 'GetQueueAttributes',
    QueueUrl: url,
    'AttributeName.1': 'VisibilityTimeout',
  });
  assert.deepEqual((queueAttrs.xml as X).GetQueueAttributesResponse.GetQueueAttributesResult.Attribute, [
    { Name: 'VisibilityTimeout', Value: '45' },
  ]);
  const tags = await call({ Action: 'ListQueueTags', QueueUrl: url });
  assert.deepEqual((tags.xml as X).ListQueueTagsResponse.ListQueueTagsResult.Tag, [{ Key: 'env', Value: 'lab' }]);
});

test('query protocol: batches with per-entry results and errors', async () => {
  const url = await kit.queue();
  const batch = await call({
    Action: 'SendMessageBatch',
    QueueUrl: url,
    'SendMessageBatchRequestEntry.1.Id': 'a',
    'SendMessageBatchRequestEntry.1.MessageBody': 'one',
    'SendMessageBatchRequestEntry.2.Id': 'b',
    'SendMessageBatchRequestEntry.2.MessageBody': 'two',
    'SendMessageBatchRequestEntry.2.DelaySeconds': '901',
  });
  const result = (batch.xml as X).SendMessageBatchResponse.SendMessageBatchResult;
  assert.equal(result.SendMessageBatchResultEntry[0].Id, 'a');
  assert.equal(result.BatchResultErrorEntry[0].Id, 'b');
  assert.equal(result.BatchResultErrorEntry[0].Code, 'InvalidParameterValue');
  assert.equal(result.BatchResultErrorEntry[0].SenderFault, 'true');
});

test('query protocol: errors carry the query codes (AWS.SimpleQueueService.NonExistentQueue …)', async () => {
  const missing = await call({ Action: 'GetQueueUrl', QueueName: 'no-such-queue' });
  assert.equal(missing.status, 400);
  const error = (missing.xml as X).ErrorResponse.Error;
  assert.deepEqual(
    { type: error.Type, code: error.Code },
    { type: 'Sender', code: 'AWS.SimpleQueueService.NonExistentQueue' },
  );
  assert.ok((missing.xml as X).ErrorResponse.RequestId);
  const unknown = await call({ Action: 'FlyToTheMoon' });
  assert.equal(unknown.status, 400);
  assert.equal((unknown.xml as X).ErrorResponse.Error.Code, 'InvalidAction');
  const noAction = await call({});
  assert.equal((noAction.xml as X).ErrorResponse.Error.Code, 'MissingAction');
  const url = await kit.queue();
  const tooBig = await call({ Action: 'SendMessage', QueueUrl: url, MessageBody: 'x'.repeat(1_048_577) });
  assert.equal(tooBig.status, 400);
  assert.equal((tooBig.xml as X).ErrorResponse.Error.Code, 'InvalidParameterValue');
  const badHandle = await call({ Action: 'DeleteMessage', QueueUrl: url, ReceiptHandle: 'bogus!' });
  assert.equal(badHandle.status, 404);
  assert.equal((badHandle.xml as X).ErrorResponse.Error.Code, 'ReceiptHandleIsInvalid');
  const exists = await call({
    Action: 'CreateQueue',
    QueueName: url.split('/').pop()!,
    'Attribute.1.Name': 'DelaySeconds',
    'Attribute.1.Value': '9',
  });
  assert.equal((exists.xml as X).ErrorResponse.Error.Code, 'QueueAlreadyExists');
});

test('query protocol: dead-letter listings and move tasks use flattened result entries', async () => {
  const dlq = await kit.queue();
  const dlqArn = `arn:aws:sqs:us-east-1:000000000000:${dlq.split('/').pop()}`;
  const source = await kit.queue({
    RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 1 }),
  });
  const sources = await call({ Action: 'ListDeadLetterSourceQueues', QueueUrl: dlq });
  assert.deepEqual((sources.xml as X).ListDeadLetterSourceQueuesResponse.ListDeadLetterSourceQueuesResult.QueueUrl, [
    source,
  ]);
  const started = await call({ Action: 'StartMessageMoveTask', SourceArn: dlqArn });
  assert.ok((started.xml as X).StartMessageMoveTaskResponse.StartMessageMoveTaskResult.TaskHandle);
  const tasks = await call({ Action: 'ListMessageMoveTasks', SourceArn: dlqArn });
  const entry = (tasks.xml as X).ListMessageMoveTasksResponse.ListMessageMoveTasksResult
    .ListMessageMoveTasksResultEntry;
  assert.equal(entry.SourceArn, dlqArn);
  assert.match(entry.Status, /^(RUNNING|COMPLETED)$/);
});

test('query protocol: a request posted to the queue URL needs no QueueUrl parameter', async () => {
  const url = await kit.queue();
  const path = new URL(url).pathname;
  await call({ Action: 'SendMessage', MessageBody: 'to the path' }, path);
  const got = await call({ Action: 'ReceiveMessage' }, path);
  assert.equal((got.xml as X).ReceiveMessageResponse.ReceiveMessageResult.Message[0].Body, 'to the path');
});

const DEBIAN_PYTHON = '/usr/bin/python3';
const DEBIAN_AWS = '/usr/bin/aws';

function toolEnv(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    AWS_ACCESS_KEY_ID: kit.cloud.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: kit.cloud.credentials.secretAccessKey,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_PAGER: '',
  };
}

test(
  'boto3 1.26 (query protocol) runs a whole standard and FIFO workflow',
  { skip: !existsSync(DEBIAN_PYTHON) && 'Debian python3 is not installed' },
  async () => {
    const script = `
import boto3, json, sys
from botocore.config import Config
s = boto3.client('sqs', endpoint_url=sys.argv[1], config=Config(retries={'max_attempts': 0}))
assert s.meta.service_model.protocol == 'query', s.meta.service_model.protocol
out = {}
u = s.create_queue(QueueName=sys.argv[2], Attributes={'VisibilityTimeout': '5'}, tags={'a': 'b'})['QueueUrl']
out['url'] = u
r = s.send_message(QueueUrl=u, MessageBody='hello', MessageAttributes={'n': {'DataType': 'Number', 'StringValue': '42'}, 'b': {'DataType': 'Binary', 'BinaryValue': b'\\x00\\x01'}})
out['md5'] = r['MD5OfMessageBody']
m = s.receive_message(QueueUrl=u, AttributeNames=['All'], MessageAttributeNames=['All'], WaitTimeSeconds=1)['Messages'][0]
out['body'] = m['Body']; out['n'] = m['MessageAttributes']['n']['StringValue']; out['b'] = list(m['MessageAttributes']['b']['BinaryValue'])
out['count'] = m['Attributes']['ApproximateReceiveCount']
s.delete_message(QueueUrl=u, ReceiptHandle=m['ReceiptHandle'])
out['left'] = s.get_queue_attributes(QueueUrl=u, AttributeNames=['ApproximateNumberOfMessages'])['Attributes']['ApproximateNumberOfMessages']
f = s.create_queue(QueueName=sys.argv[2] + '.fifo', Attributes={'FifoQueue': 'true', 'ContentBasedDeduplication': 'true'})['QueueUrl']
seqs = [s.send_message(QueueUrl=f, MessageBody=str(i), MessageGroupId='g')['SequenceNumber'] for i in range(3)]
out['fifo'] = [x['Body'] for x in s.receive_message(QueueUrl=f, MaxNumberOfMessages=10)['Messages']]
out['seq_sorted'] = seqs == sorted(seqs)
out['tags'] = s.list_queue_tags(QueueUrl=u)['Tags']
try:
    s.get_queue_url(QueueName='missing-queue')
except s.exceptions.QueueDoesNotExist as e:
    out['error'] = e.response['Error']['Code']
print(json.dumps(out))
`;
    const name = uniqueName('boto');
    const { stdout } = await run(DEBIAN_PYTHON, ['-c', script, kit.cloud.endpoint, name], { env: toolEnv() });
    const out = JSON.parse(stdout);
    assert.equal(out.url, `${kit.cloud.endpoint}/000000000000/${name}`);
    assert.equal(out.md5, createHash('md5').update('hello').digest('hex'));
    assert.deepEqual([out.body, out.n, out.b, out.count, out.left], ['hello', '42', [0, 1], '1', '0']);
    assert.deepEqual(out.fifo, ['0', '1', '2']);
    assert.equal(out.seq_sorted, true);
    assert.deepEqual(out.tags, { a: 'b' });
    assert.equal(out.error, 'AWS.SimpleQueueService.NonExistentQueue');
  },
);

test(
  'AWS CLI 2.9 (query protocol) creates, sends, receives and lists',
  { skip: !existsSync(DEBIAN_AWS) && 'Debian awscli is not installed' },
  async () => {
    const aws = async (...args: string[]) =>
      JSON.parse(
        (
          await run(DEBIAN_AWS, ['--endpoint-url', kit.cloud.endpoint, '--output', 'json', 'sqs', ...args], {
            env: toolEnv(),
          })
        ).stdout || '{}',
      );
    const name = uniqueName('cli');
    const { QueueUrl } = await aws('create-queue', '--queue-name', name);
    assert.equal(QueueUrl, `${kit.cloud.endpoint}/000000000000/${name}`);
    const sent = await aws(
      'send-message',
      '--queue-url',
      QueueUrl,
      '--message-body',
      'from the cli',
      '--message-attributes',
      '{"k":{"DataType":"String","StringValue":"v"}}',
    );
    assert.equal(sent.MD5OfMessageBody, createHash('md5').update('from the cli').digest('hex'));
    const got = await aws('receive-message', '--queue-url', QueueUrl, '--message-attribute-names', 'All');
    assert.equal(got.Messages[0].Body, 'from the cli');
    assert.equal(got.Messages[0].MessageAttributes.k.StringValue, 'v');
    const listed = await aws('list-queues', '--queue-name-prefix', name);
    assert.deepEqual(listed.QueueUrls, [QueueUrl]);
    await assert.rejects(aws('get-queue-url', '--queue-name', 'missing-queue'), /NonExistentQueue/);
  },
);
