// SqsInternal, the contract S3 notifications and Lambda event source mappings call: find,
// send, receive (with long polling), delete and change visibility, by ARN or URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ReceiveMessageCommand, SQSClient, SendMessageCommand, CreateQueueCommand } from '@aws-sdk/client-sqs';
import { startTestCloud, type TestCloud } from '../../helpers/cloud';
import { createSqsService } from '../../../src/localcloud/sqs/service';
import type { SqsInternal } from '../../../src/localcloud/server/internal';
import type { AwsError } from '../../../src/localcloud/server/errors';

let cloud: TestCloud;
let sqs: SQSClient;
let internal: SqsInternal;

before(async () => {
  cloud = await startTestCloud({ services: [(ctx) => (internal = createSqsService(ctx) as SqsInternal)] });
  sqs = new SQSClient(cloud.clientConfig);
});
after(async () => {
  sqs.destroy();
  await cloud.stop();
});

test('findQueue resolves ARNs and URLs', async () => {
  const { QueueUrl } = await sqs.send(
    new CreateQueueCommand({ QueueName: 'internal-find', Attributes: { VisibilityTimeout: '12' } }),
  );
  const byUrl = internal.findQueue(QueueUrl!);
  assert.deepEqual(byUrl, {
    name: 'internal-find',
    arn: 'arn:aws:sqs:us-east-1:000000000000:internal-find',
    url: QueueUrl,
    fifo: false,
    visibilityTimeout: 12,
  });
  assert.deepEqual(internal.findQueue('arn:aws:sqs:us-east-1:000000000000:internal-find'), byUrl);
  assert.equal(internal.findQueue('arn:aws:sqs:us-east-1:000000000000:nope'), undefined);
});

test('sendInternal enqueues what SDK clients receive; receiveInternal returns every attribute', async () => {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'internal-send' }));
  const arn = 'arn:aws:sqs:us-east-1:000000000000:internal-send';
  const sent = await internal.sendInternal(arn, '{"Records":[]}', {
    messageAttributes: { k: { DataType: 'String', StringValue: 'v' } },
  });
  const got = await sqs.send(
    new ReceiveMessageCommand({ QueueUrl, MessageAttributeNames: ['All'], VisibilityTimeout: 0 }),
  );
  assert.equal(got.Messages?.[0]?.MessageId, sent.messageId);
  assert.equal(got.Messages?.[0]?.MD5OfBody, sent.md5OfBody);
  const received = await internal.receiveInternal(arn, { max: 10, waitSeconds: 0 });
  assert.equal(received.length, 1);
  assert.equal(received[0]!.body, '{"Records":[]}');
  assert.equal(received[0]!.attributes.ApproximateReceiveCount, '2');
  assert.equal(received[0]!.messageAttributes.k?.StringValue, 'v');
  assert.match(received[0]!.md5OfMessageAttributes!, /^[0-9a-f]{32}$/);
  await internal.changeVisibilityInternal(arn, received[0]!.receiptHandle, 0);
  const again = await internal.receiveInternal(QueueUrl!, { max: 1, waitSeconds: 0 });
  await internal.deleteInternal(arn, again[0]!.receiptHandle);
  assert.deepEqual(await internal.receiveInternal(arn, { max: 1, waitSeconds: 0 }), []);
});

test('receiveInternal long-polls until a message arrives, and stops early when aborted', async () => {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'internal-poll' }));
  const poll = internal.receiveInternal(QueueUrl!, { max: 1, waitSeconds: 20 });
  setTimeout(() => void sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'arrived' })), 100);
  assert.equal((await poll)[0]?.body, 'arrived');
  const controller = new AbortController();
  const aborted = internal.receiveInternal(QueueUrl!, { max: 1, waitSeconds: 20, signal: controller.signal });
  setTimeout(() => controller.abort(), 100);
  assert.deepEqual(await aborted, []);
});

test('receiveInternal takes more than 10 messages at once for event source mappings', async () => {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'internal-many' }));
  for (let i = 0; i < 25; i++) await internal.sendInternal(QueueUrl!, `m${i}`);
  const got = await internal.receiveInternal(QueueUrl!, { max: 100, waitSeconds: 0 });
  assert.equal(got.length, 25);
  assert.equal(new Set(got.map((m) => m.messageId)).size, 25);
});

test('internal calls on a missing queue fail with QueueDoesNotExist', async () => {
  await assert.rejects(
    internal.sendInternal('arn:aws:sqs:us-east-1:000000000000:gone', 'x'),
    (e: AwsError) => e.code === 'QueueDoesNotExist',
  );
  await assert.rejects(
    internal.receiveInternal('arn:aws:sqs:us-east-1:000000000000:gone', { max: 1, waitSeconds: 0 }),
    (e: AwsError) => e.code === 'QueueDoesNotExist',
  );
});

test('stopping the local cloud ends waiting long polls at once', async () => {
  let svc: SqsInternal | undefined;
  const other = await startTestCloud({ services: [(ctx) => (svc = createSqsService(ctx) as SqsInternal)] });
  const client = new SQSClient(other.clientConfig);
  const { QueueUrl } = await client.send(new CreateQueueCommand({ QueueName: 'stopping' }));
  client.destroy();
  const started = Date.now();
  const poll = svc!.receiveInternal(QueueUrl!, { max: 1, waitSeconds: 20 });
  await other.stop();
  assert.deepEqual(await poll, []);
  assert.ok(Date.now() - started < 10_000, 'the poll ends with the cloud, not after its 20 s');
});
