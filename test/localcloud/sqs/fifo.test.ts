// FIFO queues through the real SDK: strict order within a group, a group held while one of
// its messages is in flight, the 5-minute deduplication window (explicit id or SHA-256 of
// the body, per queue or per group), sequence numbers and FIFO-only validation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
} from '@aws-sdk/client-sqs';
import { rejectsWith, sleep, useSqs } from './kit';
import { useSnapshots } from '../../helpers/snapshots';

const kit = useSqs({ anyTarget: true });
const snapshots = useSnapshots(import.meta.filename);

test('messages of one group come in order; a group is held while one of its messages is in flight', async () => {
  const url = await kit.queue({ ContentBasedDeduplication: 'true' }, { fifo: true });
  for (const [group, body] of [
    ['a', 'a1'],
    ['b', 'b1'],
    ['a', 'a2'],
    ['b', 'b2'],
    ['a', 'a3'],
  ]) {
    await kit.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: body, MessageGroupId: group }));
  }
  const first = (await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 1 }))).Messages!;
  assert.deepEqual(
    first.map((m) => m.Body),
    ['a1'],
  );
  // Group a is held by a1 in flight: only b's messages, in order.
  const next = (await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10 }))).Messages!;
  assert.deepEqual(
    next.map((m) => m.Body),
    ['b1', 'b2'],
  );
  assert.equal(
    (await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10 }))).Messages,
    undefined,
  );
  await kit.sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: first[0]!.ReceiptHandle }));
  const rest = (await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10 }))).Messages!;
  assert.deepEqual(
    rest.map((m) => m.Body),
    ['a2', 'a3'],
  );
});

test('a long poll on a FIFO queue gets the next message of a group as soon as the head is deleted', async () => {
  const url = await kit.queue({ ContentBasedDeduplication: 'true' }, { fifo: true });
  for (const body of ['first', 'second'])
    await kit.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: body, MessageGroupId: 'g' }));
  const head = (await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages![0]!;
  const started = Date.now();
  const poll = kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 20 }));
  await sleep(200);
  await kit.sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: head.ReceiptHandle }));
  assert.equal((await poll).Messages?.[0]?.Body, 'second');
  assert.ok(Date.now() - started < 10_000, 'the poll returns with the released message, not after its full 20 s');
});

test('a message whose visibility ends comes back before the later messages of its group', async () => {
  const url = await kit.queue({ ContentBasedDeduplication: 'true' }, { fifo: true });
  await kit.sqs.send(
    new SendMessageBatchCommand({
      QueueUrl: url,
      Entries: ['1', '2', '3'].map((b) => ({ Id: `e${b}`, MessageBody: b, MessageGroupId: 'g' })),
    }),
  );
  const got = (await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 1 }))).Messages![0]!;
  assert.equal(got.Body, '1');
  await kit.sqs.send(
    new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: got.ReceiptHandle, VisibilityTimeout: 0 }),
  );
  const again = (
    await kit.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: url,
        MaxNumberOfMessages: 10,
        MessageSystemAttributeNames: ['ApproximateReceiveCount'],
      }),
    )
  ).Messages!;
  assert.deepEqual(
    again.map((m) => m.Body),
    ['1', '2', '3'],
  );
  assert.equal(again[0]!.Attributes?.ApproximateReceiveCount, '2');
});

// AWS-validated orderings (LocalStack tests/aws/services/sqs/test_sqs.py, marked aws.validated,
// read 2026-12-03): a receive returns whole groups, each in order, groups in the order they
// became available; a group received with VisibilityTimeout 0 goes to the back.
const bodies = (r: { Messages?: Array<{ Body?: string }> }) => (r.Messages ?? []).map((m) => m.Body);

async function sendAll(url: string, messages: Array<[group: string, body: string]>): Promise<void> {
  for (const [group, body] of messages)
    await kit.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: body, MessageGroupId: group }));
}

test('a receive of up to 10 returns messages grouped by MessageGroupId, each group in order', async () => {
  const url = await kit.queue({ ContentBasedDeduplication: 'true' }, { fifo: true });
  await sendAll(url, [
    ['g1', 'g1-m1'],
    ['g2', 'g2-m1'],
    ['g1', 'g1-m2'],
    ['g1', 'g1-m3'],
  ]);
  const got = await kit.sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: url,
      MaxNumberOfMessages: 10,
      MessageSystemAttributeNames: ['MessageGroupId'],
    }),
  );
  snapshots.match('fifo grouped receive', got);
  assert.deepEqual(bodies(got), ['g1-m1', 'g1-m2', 'g1-m3', 'g2-m1']);
});

test('groups received with VisibilityTimeout 0 go to the back of the queue', async () => {
  const url = await kit.queue({ ContentBasedDeduplication: 'true' }, { fifo: true });
  await sendAll(url, [
    ['g1', 'g1-m1'],
    ['g2', 'g2-m1'],
    ['g2', 'g2-m2'],
    ['g3', 'g3-m1'],
    ['g1', 'g1-m2'],
  ]);
  const first = await kit.sqs.send(
    new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 3, VisibilityTimeout: 0 }),
  );
  assert.deepEqual(bodies(first), ['g1-m1', 'g1-m2', 'g2-m1']);
  const all = await kit.sqs.send(
    new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, VisibilityTimeout: 0 }),
  );
  snapshots.match('fifo zero visibility: second receive', bodies(all));
  assert.deepEqual(bodies(all), ['g3-m1', 'g1-m1', 'g1-m2', 'g2-m1', 'g2-m2']);
});

test('a group whose visibility timeout ends goes behind the groups that were waiting', async () => {
  const url = await kit.queue({ ContentBasedDeduplication: 'true', VisibilityTimeout: '1' }, { fifo: true });
  await sendAll(url, [
    ['g1', 'g1-m1'],
    ['g1', 'g1-m2'],
    ['g1', 'g1-m3'],
    ['g1', 'g1-m4'],
    ['g2', 'g2-m1'],
    ['g3', 'g3-m1'],
  ]);
  assert.deepEqual(bodies(await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 2 }))), [
    'g1-m1',
    'g1-m2',
  ]);
  // The whole of g1 waits for its messages in flight: the next receive takes g2.
  assert.deepEqual(bodies(await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 1 }))), [
    'g2-m1',
  ]);
  await sleep(2100);
  const all = await kit.sqs.send(
    new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, VisibilityTimeout: 0 }),
  );
  assert.deepEqual(bodies(all), ['g3-m1', 'g1-m1', 'g1-m2', 'g1-m3', 'g1-m4', 'g2-m1']);
});

test("ending one message's visibility makes its group available behind the others, with only its visible head", async () => {
  const url = await kit.queue({ ContentBasedDeduplication: 'true', VisibilityTimeout: '30' }, { fifo: true });
  await sendAll(url, [
    ['g1', 'g1-m1'],
    ['g1', 'g1-m2'],
    ['g2', 'g2-m1'],
  ]);
  const got = await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 2 }));
  assert.deepEqual(bodies(got), ['g1-m1', 'g1-m2']);
  await kit.sqs.send(
    new ChangeMessageVisibilityCommand({
      QueueUrl: url,
      ReceiptHandle: got.Messages![0]!.ReceiptHandle,
      VisibilityTimeout: 0,
    }),
  );
  assert.deepEqual(bodies(await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 3 }))), [
    'g2-m1',
    'g1-m1',
  ]);
});

test('sequence numbers are 20-digit strings that grow with every message', async () => {
  const url = await kit.queue({}, { fifo: true });
  const a = await kit.sqs.send(
    new SendMessageCommand({ QueueUrl: url, MessageBody: 'x', MessageGroupId: 'g', MessageDeduplicationId: '1' }),
  );
  const b = await kit.sqs.send(
    new SendMessageCommand({ QueueUrl: url, MessageBody: 'y', MessageGroupId: 'h', MessageDeduplicationId: '2' }),
  );
  assert.match(a.SequenceNumber!, /^\d{20}$/);
  assert.ok(BigInt(b.SequenceNumber!) > BigInt(a.SequenceNumber!));
  const m = (await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MessageSystemAttributeNames: ['All'] })))
    .Messages![0]!;
  assert.equal(m.Attributes?.SequenceNumber, a.SequenceNumber);
  assert.equal(m.Attributes?.MessageGroupId, 'g');
  assert.equal(m.Attributes?.MessageDeduplicationId, '1');
});

test('an explicit deduplication id suppresses duplicates within the window', async () => {
  const url = await kit.queue({}, { fifo: true });
  const first = await kit.sqs.send(
    new SendMessageCommand({
      QueueUrl: url,
      MessageBody: 'pay 10',
      MessageGroupId: 'g',
      MessageDeduplicationId: 'order-1',
    }),
  );
  const dup = await kit.sqs.send(
    new SendMessageCommand({
      QueueUrl: url,
      MessageBody: 'pay 10 again',
      MessageGroupId: 'g',
      MessageDeduplicationId: 'order-1',
    }),
  );
  assert.equal(dup.MessageId, first.MessageId);
  assert.equal(dup.SequenceNumber, first.SequenceNumber);
  const got = (await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10 }))).Messages!;
  assert.deepEqual(
    got.map((m) => m.Body),
    ['pay 10'],
  );
  // Deleting the message does not reopen the window.
  await kit.sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: got[0]!.ReceiptHandle }));
  await kit.sqs.send(
    new SendMessageCommand({
      QueueUrl: url,
      MessageBody: 'pay 10',
      MessageGroupId: 'g',
      MessageDeduplicationId: 'order-1',
    }),
  );
  assert.equal((await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages, undefined);
});

test('content-based deduplication uses the SHA-256 of the body, also inside one batch', async () => {
  const url = await kit.queue({ ContentBasedDeduplication: 'true' }, { fifo: true });
  const batch = await kit.sqs.send(
    new SendMessageBatchCommand({
      QueueUrl: url,
      Entries: [
        { Id: 'a', MessageBody: 'same', MessageGroupId: 'g' },
        { Id: 'b', MessageBody: 'same', MessageGroupId: 'g' },
        { Id: 'c', MessageBody: 'other', MessageGroupId: 'g' },
      ],
    }),
  );
  assert.equal(batch.Successful?.length, 3);
  assert.equal(batch.Successful![0]!.MessageId, batch.Successful![1]!.MessageId);
  const got = (
    await kit.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: url,
        MaxNumberOfMessages: 10,
        MessageSystemAttributeNames: ['MessageDeduplicationId'],
      }),
    )
  ).Messages!;
  assert.deepEqual(
    got.map((m) => m.Body),
    ['same', 'other'],
  );
  const { createHash } = await import('node:crypto');
  assert.equal(got[0]!.Attributes?.MessageDeduplicationId, createHash('sha256').update('same').digest('hex'));
});

test('DeduplicationScope messageGroup deduplicates per group', async () => {
  const url = await kit.queue(
    { DeduplicationScope: 'messageGroup', FifoThroughputLimit: 'perMessageGroupId' },
    { fifo: true },
  );
  await kit.sqs.send(
    new SendMessageCommand({ QueueUrl: url, MessageBody: '1', MessageGroupId: 'a', MessageDeduplicationId: 'same' }),
  );
  await kit.sqs.send(
    new SendMessageCommand({ QueueUrl: url, MessageBody: '2', MessageGroupId: 'b', MessageDeduplicationId: 'same' }),
  );
  await kit.sqs.send(
    new SendMessageCommand({ QueueUrl: url, MessageBody: '3', MessageGroupId: 'a', MessageDeduplicationId: 'same' }),
  );
  const counts = (
    await kit.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages'] }),
    )
  ).Attributes!;
  assert.equal(counts.ApproximateNumberOfMessages, '2');
});

test('FIFO-only rules: group id required, dedup id or content-based dedup required, no per-message delay', async () => {
  const url = await kit.queue({}, { fifo: true });
  await rejectsWith(
    kit.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x', MessageDeduplicationId: 'd' })),
    'MissingParameter',
    'MissingParameter',
  );
  const noDedup = await rejectsWith(
    kit.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x', MessageGroupId: 'g' })),
    'InvalidParameterValue',
    'InvalidParameterValue',
  );
  assert.equal(
    noDedup.message,
    'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly',
  );
  await rejectsWith(
    kit.sqs.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: 'x',
        MessageGroupId: 'g',
        MessageDeduplicationId: 'd',
        DelaySeconds: 2,
      }),
    ),
    'InvalidParameterValue',
  );
  await rejectsWith(
    kit.sqs.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: 'x',
        MessageGroupId: 'has space',
        MessageDeduplicationId: 'd',
      }),
    ),
    'InvalidParameterValue',
  );
  await rejectsWith(
    kit.sqs.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: 'x',
        MessageGroupId: 'g',
        MessageDeduplicationId: 'd'.repeat(129),
      }),
    ),
    'InvalidParameterValue',
  );
  const batch = await kit.sqs.send(
    new SendMessageBatchCommand({
      QueueUrl: url,
      Entries: [{ Id: 'a', MessageBody: 'x', MessageDeduplicationId: 'd' }],
    }),
  );
  assert.equal(batch.Failed?.[0]?.Code, 'InvalidParameterValue');
  assert.equal(batch.Failed?.[0]?.Message, 'The request must contain the parameter MessageGroupId.');
});

test('a receive retried with the same ReceiveRequestAttemptId gets the same messages and handles', async () => {
  const url = await kit.queue({ ContentBasedDeduplication: 'true' }, { fifo: true });
  for (const body of ['1', '2', '3'])
    await kit.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: body, MessageGroupId: 'g' }));
  const first = (
    await kit.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 2, ReceiveRequestAttemptId: 'attempt-1' }),
    )
  ).Messages!;
  const retry = (
    await kit.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 2, ReceiveRequestAttemptId: 'attempt-1' }),
    )
  ).Messages!;
  assert.deepEqual(
    retry.map((m) => [m.Body, m.ReceiptHandle]),
    first.map((m) => [m.Body, m.ReceiptHandle]),
  );
  // Another attempt id is a new receive: group g is held by the messages in flight.
  assert.equal(
    (await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, ReceiveRequestAttemptId: 'attempt-2' }))).Messages,
    undefined,
  );
  // Once one of them is deleted the attempt no longer repeats.
  await kit.sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: first[0]!.ReceiptHandle }));
  assert.equal(
    (await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, ReceiveRequestAttemptId: 'attempt-1' }))).Messages,
    undefined,
  );
  await rejectsWith(
    kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, ReceiveRequestAttemptId: 'has space' })),
    'InvalidParameterValue',
  );
});

test('a FIFO queue refuses a receipt handle whose visibility timeout has expired', async () => {
  const url = await kit.queue({ ContentBasedDeduplication: 'true', VisibilityTimeout: '1' }, { fifo: true });
  await kit.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'late', MessageGroupId: 'g' }));
  const m = (await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages![0]!;
  await sleep(1100);
  const err = await rejectsWith(
    kit.sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: m.ReceiptHandle })),
    'InvalidParameterValue',
    'InvalidParameterValue',
  );
  assert.match(err.message, /The receipt handle has expired/);
});

test('standard queues accept a MessageGroupId (fair queues) and return it', async () => {
  const url = await kit.queue();
  await kit.sqs.send(
    new SendMessageCommand({ QueueUrl: url, MessageBody: 'tenant message', MessageGroupId: 'tenant-1' }),
  );
  const m = (
    await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MessageSystemAttributeNames: ['MessageGroupId'] }))
  ).Messages![0]!;
  assert.equal(m.Attributes?.MessageGroupId, 'tenant-1');
});
