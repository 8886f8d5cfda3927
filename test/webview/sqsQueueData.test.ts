// The SQS view's data, fetched through the real SDK client from the local cloud: attributes and
// counters, the DLQ link both ways, listing by receive (every message once, released at once;
// its receive count grows), sending with attributes and FIFO ids, receive-and-delete, purge.
// Each test uses its own queue: AWS allows one PurgeQueue per queue per 60 seconds.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
  SendMessageBatchCommand,
} from '@aws-sdk/client-sqs';
import { startTestCloud, type TestCloud } from '../helpers/cloud';
import {
  loadCounters,
  loadQueueInfo,
  purge,
  queueNameFromUrl,
  receiveAndDelete,
  resolveQueueUrl,
  sendFromView,
} from '../../src/extension/webviews/sqs/sqsQueueData';
import { listByReceive } from '../../src/extension/webviews/sqs/receiveListing';
import { listMessages } from '../../src/extension/webviews/sqs/messageListing';

let cloud: TestCloud;
let sqs: SQSClient;
let dlqUrl: string;
let mainUrl: string;

before(async () => {
  cloud = await startTestCloud();
  sqs = new SQSClient(cloud.clientConfig);
  dlqUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'orders-dlq' }))).QueueUrl!;
  const dlqArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ['QueueArn'] })))
    .Attributes!.QueueArn!;
  mainUrl = (
    await sqs.send(
      new CreateQueueCommand({
        QueueName: 'orders',
        Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 5 }) },
      }),
    )
  ).QueueUrl!;
});

after(async () => {
  sqs.destroy();
  await cloud.stop();
});

test('queue URL from a name, an ARN or a URL', async () => {
  assert.equal(await resolveQueueUrl(sqs, 'orders'), mainUrl);
  assert.equal(await resolveQueueUrl(sqs, `arn:aws:sqs:us-east-1:000000000000:orders`), mainUrl);
  assert.equal(await resolveQueueUrl(sqs, mainUrl), mainUrl);
  assert.equal(queueNameFromUrl(mainUrl), 'orders');
  await assert.rejects(resolveQueueUrl(sqs, 'no-such-queue'), (e: Error) => e.name === 'QueueDoesNotExist');
});

test('attributes, counters and the dead-letter link in both directions', async () => {
  const info = await loadQueueInfo(sqs, mainUrl);
  assert.equal(info.name, 'orders');
  assert.equal(info.fifo, false);
  assert.match(info.arn, /^arn:aws:sqs:us-east-1:\d{12}:orders$/);
  assert.equal(info.attributes.VisibilityTimeout, '30');
  assert.deepEqual(info.deadLetterQueue, { name: 'orders-dlq', url: dlqUrl, maxReceiveCount: 5 });
  const dlq = await loadQueueInfo(sqs, dlqUrl);
  assert.equal(dlq.deadLetterQueue, undefined);
  assert.deepEqual(dlq.sourceQueues, [{ name: 'orders', url: mainUrl }]);
});

const freshQueue = async (name: string) => (await sqs.send(new CreateQueueCommand({ QueueName: name }))).QueueUrl!;

test('send from the view: attributes, delay; counters follow', async () => {
  const mainUrl = await freshQueue('send-view');
  const sent = await sendFromView(sqs, mainUrl, {
    body: '{"order":1}',
    attributes: [
      { name: 'priority', dataType: 'Number', value: '3' },
      { name: '', dataType: 'String', value: 'ignored' },
    ],
  });
  assert.match(sent.messageId, /^[0-9a-f-]{36}$/);
  await sendFromView(sqs, mainUrl, { body: 'later', attributes: [], delaySeconds: 60 });
  assert.deepEqual(await loadCounters(sqs, mainUrl), { visible: 1, inFlight: 0, delayed: 1 });
  const listing = await listByReceive(sqs, mainUrl, 100);
  assert.equal(listing.mode, 'receive');
  assert.equal(listing.messages.length, 1, 'delayed messages are not listed by receive');
  const [m] = listing.messages;
  assert.equal(m.messageId, sent.messageId);
  assert.equal(m.body, '{"order":1}');
  assert.deepEqual(m.attributes, { priority: '3 (Number)' });
  assert.ok(m.sentTimestamp > Date.now() - 60_000);
  // Listing by receive is a receive: the count grows and the message stays visible.
  assert.equal(m.receiveCount, 1);
  const again = await listByReceive(sqs, mainUrl, 100);
  assert.equal(again.messages[0].receiveCount, 2, 'one listing, one receive');
  assert.deepEqual(await loadCounters(sqs, mainUrl), { visible: 1, inFlight: 0, delayed: 1 }, 'released at once');
});

test('listing by receive finds every message of a larger queue, and stops at max', async () => {
  const mainUrl = await freshQueue('list-many');
  for (let b = 0; b < 4; b++) {
    await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: mainUrl,
        Entries: Array.from({ length: 10 }, (_, i) => ({ Id: String(i), MessageBody: `m${b * 10 + i}` })),
      }),
    );
  }
  const all = await listByReceive(sqs, mainUrl, 1000);
  assert.equal(all.messages.length, 40);
  assert.equal(new Set(all.messages.map((m) => m.body)).size, 40);
  assert.equal(all.truncated, false);
  assert.ok(
    all.messages.every((m) => m.receiveCount === 1),
    'each message received exactly once',
  );
  assert.equal((await loadCounters(sqs, mainUrl)).visible, 40);
  const some = await listByReceive(sqs, mainUrl, 15);
  assert.equal(some.messages.length, 15);
  assert.equal(some.truncated, true);
});

test('receive-and-delete removes what it received; purge empties the queue', async () => {
  const mainUrl = await freshQueue('drain');
  await sqs.send(
    new SendMessageBatchCommand({
      QueueUrl: mainUrl,
      Entries: Array.from({ length: 7 }, (_, i) => ({ Id: String(i), MessageBody: `x${i}` })),
    }),
  );
  assert.equal(await receiveAndDelete(sqs, mainUrl, 5), 5);
  assert.equal((await loadCounters(sqs, mainUrl)).visible, 2);
  assert.equal(await receiveAndDelete(sqs, mainUrl, 10), 2);
  assert.equal(await receiveAndDelete(sqs, mainUrl, 10), 0);
  await sendFromView(sqs, mainUrl, { body: 'gone soon', attributes: [] });
  await purge(sqs, mainUrl);
  assert.deepEqual(await loadCounters(sqs, mainUrl), { visible: 0, inFlight: 0, delayed: 0 });
});

test('FIFO: group id, deduplication id and sequence number reach the table', async () => {
  const url = (await sqs.send(new CreateQueueCommand({ QueueName: 'steps.fifo', Attributes: { FifoQueue: 'true' } })))
    .QueueUrl!;
  const a = await sendFromView(sqs, url, { body: 'first', attributes: [], groupId: 'cart-1', deduplicationId: 'd1' });
  const b = await sendFromView(sqs, url, { body: 'second', attributes: [], groupId: 'cart-1', deduplicationId: 'd2' });
  assert.ok(a.sequenceNumber && b.sequenceNumber && BigInt(b.sequenceNumber) > BigInt(a.sequenceNumber));
  const info = await loadQueueInfo(sqs, url);
  assert.equal(info.fifo, true);
  const first = (await listByReceive(sqs, url, 10)).messages[0];
  assert.equal(first.body, 'first');
  assert.equal(first.groupId, 'cart-1');
  assert.equal(first.deduplicationId, 'd1');
  assert.equal(first.sequenceNumber, a.sequenceNumber);
  // A FIFO send without a group id is AWS's error, passed on for the view to show.
  await assert.rejects(
    sendFromView(sqs, url, { body: 'x', attributes: [] }),
    (e: Error) => e.name === 'MissingParameter' || /MessageGroupId/.test(e.message),
  );
});

test('a message listed by receive is still receivable by the application', async () => {
  const mainUrl = await freshQueue('app-still-receives');
  await sendFromView(sqs, mainUrl, { body: 'for the app', attributes: [] });
  await listByReceive(sqs, mainUrl, 10);
  const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl: mainUrl, WaitTimeSeconds: 0 }));
  assert.equal(got.Messages?.[0]?.Body, 'for the app');
});

test('on the local cloud the view peeks: every message with its state, nothing received', async () => {
  const url = await freshQueue('peeked');
  const settings = {
    kind: 'local' as const,
    endpoint: cloud.clientConfig.endpoint,
    region: cloud.clientConfig.region,
    credentials: cloud.clientConfig.credentials,
  };
  await sendFromView(sqs, url, {
    body: 'visible one',
    attributes: [{ name: 'kind', dataType: 'String', value: 'demo' }],
  });
  await sendFromView(sqs, url, { body: 'delayed one', attributes: [], delaySeconds: 120 });
  await sendFromView(sqs, url, { body: 'taken one', attributes: [] });
  // An application holds one message: in flight.
  const held = await sqs.send(
    new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 1, VisibilityTimeout: 300 }),
  );
  const heldBody = held.Messages![0].Body;
  const listing = await listMessages(sqs, settings, url, 1000);
  assert.equal(listing.mode, 'peek');
  assert.equal(listing.messages.length, 3);
  const byBody = new Map(listing.messages.map((m) => [m.body, m]));
  assert.equal(byBody.get('delayed one')!.state, 'delayed');
  assert.equal(byBody.get(heldBody!)!.state, 'inFlight');
  assert.equal(byBody.get(heldBody!)!.receiveCount, 1);
  const other = listing.messages.find((m) => m.state === 'visible')!;
  assert.equal(other.receiveCount, 0, 'peeking received nothing');
  if (other.body === 'visible one') assert.deepEqual(other.attributes, { kind: 'demo (String)' });
  // Peeking again changes nothing.
  const again = await listMessages(sqs, settings, url, 1000);
  assert.deepEqual(
    again.messages.map((m) => [m.messageId, m.receiveCount, m.state]),
    listing.messages.map((m) => [m.messageId, m.receiveCount, m.state]),
  );
  assert.equal((await listMessages(sqs, settings, url, 2)).truncated, true);
});

test('elsewhere (LocalStack, AWS) the view lists by receive', async () => {
  const url = await freshQueue('received');
  await sendFromView(sqs, url, { body: 'a', attributes: [] });
  const listing = await listMessages(
    sqs,
    {
      kind: 'localstack' as const,
      endpoint: cloud.clientConfig.endpoint,
      region: 'us-east-1',
      credentials: cloud.clientConfig.credentials,
    },
    url,
    10,
  );
  assert.equal(listing.mode, 'receive');
  assert.equal(listing.messages[0].receiveCount, 1);
});
