// With a state dir, SQS state survives a restart: queues, attributes, tags, messages with
// their receive counts and visibility, FIFO sequence numbers and the deduplication window,
// move tasks. Checked after a clean stop (snapshot) and from the journal alone (as a crash
// leaves it: a second cloud opens a copy of the state dir, taken while the first runs and
// has not compacted).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ListQueueTagsCommand,
  ReceiveMessageCommand,
  SQSClient,
  SendMessageCommand,
} from '@aws-sdk/client-sqs';
import { cpSync } from 'node:fs';
import { basename } from 'node:path';
import { startTestCloud, tempDir, type TestCloud } from '../../helpers/cloud';

async function populate(sqs: SQSClient): Promise<{ url: string; fifo: string; firstSeq: string; inflightId: string }> {
  const { QueueUrl: url } = await sqs.send(
    new CreateQueueCommand({ QueueName: 'kept', Attributes: { VisibilityTimeout: '600' }, tags: { lab: 'sqs' } }),
  );
  const { QueueUrl: fifo } = await sqs.send(
    new CreateQueueCommand({ QueueName: 'kept.fifo', Attributes: { FifoQueue: 'true' } }),
  );
  for (const body of ['a', 'b', 'c']) await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: body }));
  const inflight = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages![0]!;
  const first = await sqs.send(
    new SendMessageCommand({ QueueUrl: fifo, MessageBody: 'f1', MessageGroupId: 'g', MessageDeduplicationId: 'd1' }),
  );
  return { url: url!, fifo: fifo!, firstSeq: first.SequenceNumber!, inflightId: inflight.MessageId! };
}

async function verify(sqs: SQSClient, state: Awaited<ReturnType<typeof populate>>): Promise<void> {
  const attrs = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: state.url, AttributeNames: ['All'] })))
    .Attributes!;
  assert.equal(attrs.VisibilityTimeout, '600');
  assert.equal(attrs.ApproximateNumberOfMessages, '2');
  assert.equal(attrs.ApproximateNumberOfMessagesNotVisible, '1');
  assert.deepEqual((await sqs.send(new ListQueueTagsCommand({ QueueUrl: state.url }))).Tags, { lab: 'sqs' });
  const rest = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: state.url, MaxNumberOfMessages: 10 }))).Messages!;
  assert.equal(rest.length, 2);
  assert.ok(!rest.some((m) => m.MessageId === state.inflightId), 'the in-flight message stays invisible');
  // The dedup window and the sequence survive: a duplicate is suppressed, a new one follows.
  const dup = await sqs.send(
    new SendMessageCommand({
      QueueUrl: state.fifo,
      MessageBody: 'f1',
      MessageGroupId: 'g',
      MessageDeduplicationId: 'd1',
    }),
  );
  assert.equal(dup.SequenceNumber, state.firstSeq);
  const next = await sqs.send(
    new SendMessageCommand({
      QueueUrl: state.fifo,
      MessageBody: 'f2',
      MessageGroupId: 'g',
      MessageDeduplicationId: 'd2',
    }),
  );
  assert.ok(BigInt(next.SequenceNumber!) > BigInt(state.firstSeq));
}

test('SQS state is restored after a clean restart (snapshot)', async () => {
  const dir = tempDir();
  let cloud: TestCloud | undefined;
  try {
    cloud = await startTestCloud({ stateDir: dir.path });
    let sqs = new SQSClient(cloud.clientConfig);
    const state = await populate(sqs);
    sqs.destroy();
    await cloud.stop();
    cloud = await startTestCloud({ stateDir: dir.path });
    sqs = new SQSClient(cloud.clientConfig);
    await verify(sqs, {
      ...state,
      url: state.url.replace(/:\d+\//, `:${cloud.port}/`),
      fifo: state.fifo.replace(/:\d+\//, `:${cloud.port}/`),
    });
    sqs.destroy();
  } finally {
    await cloud?.stop();
    dir.remove();
  }
});

test('SQS state is restored from the journal alone, as a crash leaves it', async () => {
  const dir = tempDir();
  const copy = tempDir();
  const first = await startTestCloud({ stateDir: dir.path });
  let second: TestCloud | undefined;
  try {
    const sqs1 = new SQSClient(first.clientConfig);
    const state = await populate(sqs1);
    sqs1.destroy();
    // Every acknowledged event is already on disk; the first cloud has written no snapshot.
    // The files as they are now (the running server's lock aside) are what a crash leaves.
    cpSync(dir.path, copy.path, { recursive: true, filter: (f) => basename(f) !== 'server.lock' });
    second = await startTestCloud({ stateDir: copy.path });
    const sqs2 = new SQSClient(second.clientConfig);
    await verify(sqs2, state);
    sqs2.destroy();
  } finally {
    await second?.stop();
    await first.stop();
    dir.remove();
    copy.remove();
  }
});
