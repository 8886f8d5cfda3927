// The non-destructive peek for the message viewer, through the exported peekClient: every
// message with its state, without touching receive counts or visibility.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { peekMessages, PeekError } from '../../../src/localcloud/sqs/peekClient';
import { useSqs } from './kit';

const kit = useSqs();

test('peek shows visible, in-flight and delayed messages and changes nothing', async () => {
  const url = await kit.queue();
  await kit.sqs.send(
    new SendMessageCommand({
      QueueUrl: url,
      MessageBody: 'in flight',
      MessageAttributes: { k: { DataType: 'String', StringValue: 'v' } },
    }),
  );
  await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url }));
  await kit.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'visible' }));
  await kit.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'delayed', DelaySeconds: 120 }));
  const config = { endpoint: kit.cloud.endpoint, credentials: kit.cloud.credentials };
  const first = await peekMessages(config, url);
  assert.equal(first.QueueUrl, url);
  assert.deepEqual(first.Counts, { Visible: 1, InFlight: 1, Delayed: 1 });
  assert.deepEqual(
    first.Messages.map((m) => [m.Body, m.State, m.ReceiveCount]),
    [
      ['in flight', 'inflight', 1],
      ['visible', 'visible', 0],
      ['delayed', 'delayed', 0],
    ],
  );
  assert.equal(first.Messages[0]!.MessageAttributes?.k?.StringValue, 'v');
  assert.match(String(first.Messages[1]!.SentTimestamp), /^\d{13}$/);
  const second = await peekMessages(config, url);
  assert.deepEqual(
    second.Messages.map((m) => m.ReceiveCount),
    [1, 0, 0],
  );
  // The visible message is still receivable, for the first time.
  const got = await kit.sqs.send(
    new ReceiveMessageCommand({ QueueUrl: url, MessageSystemAttributeNames: ['ApproximateReceiveCount'] }),
  );
  assert.equal(got.Messages?.[0]?.Body, 'visible');
  assert.equal(got.Messages?.[0]?.Attributes?.ApproximateReceiveCount, '1');
});

test('peek on a FIFO queue gives group ids and sequence numbers in order', async () => {
  const url = await kit.queue({ ContentBasedDeduplication: 'true' }, { fifo: true });
  for (const body of ['a', 'b'])
    await kit.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: body, MessageGroupId: 'g1' }));
  const peek = await peekMessages({ endpoint: kit.cloud.endpoint, credentials: kit.cloud.credentials }, url);
  assert.equal(peek.Fifo, true);
  assert.deepEqual(
    peek.Messages.map((m) => [m.Body, m.MessageGroupId]),
    [
      ['a', 'g1'],
      ['b', 'g1'],
    ],
  );
  assert.ok(BigInt(peek.Messages[1]!.SequenceNumber!) > BigInt(peek.Messages[0]!.SequenceNumber!));
});

test('peek needs a valid signature and an existing queue', async () => {
  const url = await kit.queue();
  await assert.rejects(
    peekMessages(
      {
        endpoint: kit.cloud.endpoint,
        credentials: { accessKeyId: kit.cloud.credentials.accessKeyId, secretAccessKey: 'wrong' },
      },
      url,
    ),
    (e: PeekError) => e.status === 403 && e.code === 'SignatureDoesNotMatch',
  );
  await assert.rejects(
    peekMessages({ endpoint: kit.cloud.endpoint, credentials: kit.cloud.credentials }, `${url}-missing`),
    (e: PeekError) => e.status === 400 && e.code === 'QueueDoesNotExist',
  );
});
