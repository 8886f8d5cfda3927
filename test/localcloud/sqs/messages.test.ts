// Message traffic on standard queues through the real SDK: send/receive/delete, MD5s as AWS
// computes them, visibility timeouts, fresh receipt handles, delays, long polling, batches,
// attribute selection, size and content limits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  ChangeMessageVisibilityBatchCommand,
  ChangeMessageVisibilityCommand,
  DeleteMessageBatchCommand,
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
const md5 = (s: string) => createHash('md5').update(s).digest('hex');

test('send, receive and delete a message; MD5s match values recorded on AWS', async () => {
  const url = await kit.queue();
  const sent = await kit.sqs.send(
    new SendMessageCommand({
      QueueUrl: url,
      MessageBody: 'message-body-1',
      MessageAttributes: { MyAttribute: { DataType: 'String', StringValue: 'foobar' } },
    }),
  );
  // Recorded against AWS: md5("message-body-1") and the attribute digest for MyAttribute=foobar.
  assert.equal(sent.MD5OfMessageBody, '19c9e282d65f9733bc6b35d50062c7ee');
  assert.equal(sent.MD5OfMessageAttributes, 'adb59cd4678ea5a855436b949cd07ab6');
  assert.match(sent.MessageId!, /^[0-9a-f-]{36}$/);
  const { Messages } = await kit.sqs.send(
    new ReceiveMessageCommand({ QueueUrl: url, MessageAttributeNames: ['All'], MessageSystemAttributeNames: ['All'] }),
  );
  assert.equal(Messages?.length, 1);
  const m = Messages![0]!;
  assert.equal(m.MessageId, sent.MessageId);
  assert.equal(m.Body, 'message-body-1');
  assert.equal(m.MD5OfBody, md5('message-body-1'));
  assert.equal(m.MD5OfMessageAttributes, 'adb59cd4678ea5a855436b949cd07ab6');
  assert.deepEqual(m.MessageAttributes, { MyAttribute: { DataType: 'String', StringValue: 'foobar' } });
  assert.equal(m.Attributes?.ApproximateReceiveCount, '1');
  assert.match(m.Attributes!.SentTimestamp!, /^\d{13}$/);
  assert.match(m.Attributes!.ApproximateFirstReceiveTimestamp!, /^\d{13}$/);
  assert.equal(m.Attributes?.SenderId, '000000000000');
  await kit.sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: m.ReceiptHandle }));
  const after = await kit.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }));
  assert.equal(after.Attributes?.ApproximateNumberOfMessages, '0');
  assert.equal(after.Attributes?.ApproximateNumberOfMessagesNotVisible, '0');
});

test('binary, number and custom-typed attributes round-trip with a matching digest', async () => {
  const url = await kit.queue();
  const attrs = {
    bin: { DataType: 'Binary', BinaryValue: Buffer.from([0, 1, 2, 255]) },
    num: { DataType: 'Number', StringValue: '-12.5e3' },
    custom: { DataType: 'String.json', StringValue: '{"a":1}' },
  };
  const sent = await kit.sqs.send(
    new SendMessageCommand({ QueueUrl: url, MessageBody: 'b', MessageAttributes: attrs }),
  );
  const { Messages } = await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MessageAttributeNames: ['All'] }));
  const m = Messages![0]!;
  assert.equal(m.MD5OfMessageAttributes, sent.MD5OfMessageAttributes);
  assert.deepEqual(Buffer.from(m.MessageAttributes!.bin!.BinaryValue!), Buffer.from([0, 1, 2, 255]));
  assert.equal(m.MessageAttributes!.num!.StringValue, '-12.5e3');
  assert.equal(m.MessageAttributes!.custom!.DataType, 'String.json');
});

test('only the message and system attributes asked for are returned', async () => {
  const url = await kit.queue();
  await kit.sqs.send(
    new SendMessageCommand({
      QueueUrl: url,
      MessageBody: 'x',
      MessageAttributes: {
        'app.a': { DataType: 'String', StringValue: '1' },
        'app.b': { DataType: 'String', StringValue: '2' },
        other: { DataType: 'String', StringValue: '3' },
      },
    }),
  );
  const { Messages } = await kit.sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: url,
      MessageAttributeNames: ['app.*'],
      MessageSystemAttributeNames: ['SentTimestamp'],
      VisibilityTimeout: 0,
    }),
  );
  assert.deepEqual(Object.keys(Messages![0]!.MessageAttributes!).sort(), ['app.a', 'app.b']);
  assert.deepEqual(Object.keys(Messages![0]!.Attributes!), ['SentTimestamp']);
  const plain = await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url }));
  assert.equal(plain.Messages![0]!.MessageAttributes, undefined);
  assert.equal(plain.Messages![0]!.Attributes, undefined);
});

// MessageAttributeNames: `All`/`.*` name every attribute, `prefix.*` those starting with the
// prefix; MD5OfMessageAttributes covers only what is returned (AWS-validated: LocalStack's
// test_receive_message_attribute_names_filters; SQS API reference, ReceiveMessage; read 2026-12-03).
test('MessageAttributeNames prefix patterns return the matching attributes, with an MD5 of just those', async () => {
  const url = await kit.queue();
  const attributes = {
    Hello: { DataType: 'String', StringValue: 'world' },
    'Help.Me': { DataType: 'String', StringValue: 'please' },
    Hi: { DataType: 'Number', StringValue: '3' },
    Other: { DataType: 'Binary', BinaryValue: Buffer.from([1, 2, 3]) },
  };
  const sent = await kit.sqs.send(
    new SendMessageCommand({ QueueUrl: url, MessageBody: 'attributes', MessageAttributes: attributes }),
  );
  const receive = async (names: string[]) =>
    (
      await kit.sqs.send(
        new ReceiveMessageCommand({ QueueUrl: url, MessageAttributeNames: names, VisibilityTimeout: 0 }),
      )
    ).Messages![0]!;
  const hel = await receive(['Hel.*']);
  snapshots.match('MessageAttributeNames Hel.*', {
    MessageAttributes: hel.MessageAttributes,
    MD5OfMessageAttributes: hel.MD5OfMessageAttributes,
  });
  assert.deepEqual(Object.keys(hel.MessageAttributes ?? {}).sort(), ['Hello', 'Help.Me']);
  assert.equal(
    hel.MD5OfMessageAttributes,
    md5OfAttributes({ Hello: attributes.Hello, 'Help.Me': attributes['Help.Me'] }),
  );
  assert.notEqual(hel.MD5OfMessageAttributes, sent.MD5OfMessageAttributes);
  for (const names of [['All'], ['.*']]) {
    const every = await receive(names);
    assert.deepEqual(Object.keys(every.MessageAttributes ?? {}).sort(), ['Hello', 'Help.Me', 'Hi', 'Other'], names[0]);
    assert.equal(every.MD5OfMessageAttributes, sent.MD5OfMessageAttributes);
  }
  const none = await receive(['Nothing.*']);
  assert.equal(none.MessageAttributes, undefined);
  assert.equal(none.MD5OfMessageAttributes, undefined);
});

/** The documented attribute digest, computed here independently of the local cloud's own code. */
function md5OfAttributes(
  attributes: Record<string, { DataType: string; StringValue?: string; BinaryValue?: Uint8Array }>,
): string {
  const prefixed = (b: Buffer) =>
    Buffer.concat([Buffer.from([b.length >>> 24, (b.length >>> 16) & 255, (b.length >>> 8) & 255, b.length & 255]), b]);
  const parts = Object.keys(attributes)
    .sort()
    .flatMap((name) => {
      const v = attributes[name]!;
      const value = v.BinaryValue
        ? [Buffer.from([2]), prefixed(Buffer.from(v.BinaryValue))]
        : [Buffer.from([1]), prefixed(Buffer.from(v.StringValue ?? ''))];
      return [prefixed(Buffer.from(name)), prefixed(Buffer.from(v.DataType)), ...value];
    });
  return createHash('md5').update(Buffer.concat(parts)).digest('hex');
}

test('a received message is invisible until its visibility timeout ends, then comes back with a fresh receipt handle', async () => {
  const url = await kit.queue({ VisibilityTimeout: '1' });
  await kit.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'again' }));
  const first = (await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages![0]!;
  assert.equal((await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages, undefined);
  await sleep(1100);
  const second = (
    await kit.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: url, MessageSystemAttributeNames: ['ApproximateReceiveCount'] }),
    )
  ).Messages![0]!;
  assert.equal(second.MessageId, first.MessageId);
  assert.notEqual(second.ReceiptHandle, first.ReceiptHandle);
  assert.equal(second.Attributes?.ApproximateReceiveCount, '2');
});

test('ChangeMessageVisibility extends or ends the timeout; on a message not in flight it fails', async () => {
  const url = await kit.queue();
  await kit.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'v' }));
  const m = (await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages![0]!;
  await kit.sqs.send(
    new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: m.ReceiptHandle, VisibilityTimeout: 0 }),
  );
  const again = (await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages![0]!;
  assert.equal(again.MessageId, m.MessageId);
  await kit.sqs.send(
    new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: again.ReceiptHandle, VisibilityTimeout: 0 }),
  );
  await rejectsWith(
    kit.sqs.send(
      new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: again.ReceiptHandle, VisibilityTimeout: 10 }),
    ),
    'MessageNotInflight',
    'AWS.SimpleQueueService.MessageNotInflight',
  );
  const third = (await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages![0]!;
  await rejectsWith(
    kit.sqs.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: url,
        ReceiptHandle: third.ReceiptHandle,
        VisibilityTimeout: 43201,
      }),
    ),
    'InvalidParameterValue',
  );
  await rejectsWith(
    kit.sqs.send(
      new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: 'garbage!', VisibilityTimeout: 5 }),
    ),
    'ReceiptHandleIsInvalid',
    'ReceiptHandleIsInvalid',
    404,
  );
});

test('ChangeMessageVisibilityBatch and DeleteMessageBatch report per-entry success and failure', async () => {
  const url = await kit.queue();
  await kit.sqs.send(
    new SendMessageBatchCommand({
      QueueUrl: url,
      Entries: [
        { Id: 'a', MessageBody: '1' },
        { Id: 'b', MessageBody: '2' },
      ],
    }),
  );
  const got = (await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10 }))).Messages!;
  assert.equal(got.length, 2);
  const vis = await kit.sqs.send(
    new ChangeMessageVisibilityBatchCommand({
      QueueUrl: url,
      Entries: [
        { Id: 'one', ReceiptHandle: got[0]!.ReceiptHandle, VisibilityTimeout: 60 },
        { Id: 'bad', ReceiptHandle: 'nope!', VisibilityTimeout: 60 },
      ],
    }),
  );
  assert.deepEqual(
    vis.Successful?.map((e) => e.Id),
    ['one'],
  );
  assert.equal(vis.Failed?.[0]?.Id, 'bad');
  assert.equal(vis.Failed?.[0]?.Code, 'ReceiptHandleIsInvalid');
  assert.equal(vis.Failed?.[0]?.SenderFault, true);
  const del = await kit.sqs.send(
    new DeleteMessageBatchCommand({
      QueueUrl: url,
      Entries: got
        .map((m, i) => ({ Id: `d${i}`, ReceiptHandle: m.ReceiptHandle }))
        .concat([{ Id: 'bad', ReceiptHandle: 'nope!' }]),
    }),
  );
  assert.deepEqual(
    del.Successful?.map((e) => e.Id),
    ['d0', 'd1'],
  );
  assert.equal(del.Failed?.[0]?.Code, 'ReceiptHandleIsInvalid');
  const counts = (await kit.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] })))
    .Attributes!;
  assert.equal(counts.ApproximateNumberOfMessagesNotVisible, '0');
  assert.equal(counts.ApproximateNumberOfMessages, '0');
});

test('batch requests are checked as a whole: empty, too many, duplicate and malformed ids', async () => {
  const url = await kit.queue();
  await rejectsWith(
    kit.sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: [] })),
    'EmptyBatchRequest',
    'AWS.SimpleQueueService.EmptyBatchRequest',
  );
  const eleven = Array.from({ length: 11 }, (_, i) => ({ Id: `m${i}`, MessageBody: 'x' }));
  await rejectsWith(
    kit.sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: eleven })),
    'TooManyEntriesInBatchRequest',
    'AWS.SimpleQueueService.TooManyEntriesInBatchRequest',
  );
  await rejectsWith(
    kit.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: url,
        Entries: [
          { Id: 'a', MessageBody: '1' },
          { Id: 'a', MessageBody: '2' },
        ],
      }),
    ),
    'BatchEntryIdsNotDistinct',
  );
  await rejectsWith(
    kit.sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: [{ Id: 'a b', MessageBody: '1' }] })),
    'InvalidBatchEntryId',
    'AWS.SimpleQueueService.InvalidBatchEntryId',
  );
  const big = 'x'.repeat(600 * 1024);
  await rejectsWith(
    kit.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: url,
        Entries: [
          { Id: 'a', MessageBody: big },
          { Id: 'b', MessageBody: big },
        ],
      }),
    ),
    'BatchRequestTooLong',
  );
  const mixed = await kit.sqs.send(
    new SendMessageBatchCommand({
      QueueUrl: url,
      Entries: [
        { Id: 'ok', MessageBody: 'fine' },
        { Id: 'bad', MessageBody: 'x', DelaySeconds: 901 },
      ],
    }),
  );
  assert.equal(mixed.Successful?.[0]?.Id, 'ok');
  assert.equal(mixed.Successful?.[0]?.MD5OfMessageBody, md5('fine'));
  assert.equal(mixed.Failed?.[0]?.Code, 'InvalidParameterValue');
});

test('messages up to MaximumMessageSize (1 MiB by default) are accepted, larger ones refused', async () => {
  const url = await kit.queue();
  const max = 'a'.repeat(1_048_576);
  const sent = await kit.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: max }));
  assert.equal(sent.MD5OfMessageBody, md5(max));
  const err = await rejectsWith(
    kit.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: `${max}b` })),
    'InvalidParameterValue',
    'InvalidParameterValue',
    400,
  );
  assert.equal(err.message, 'One or more parameters are invalid. Reason: Message must be shorter than 1048576 bytes.');
  const small = await kit.queue({ MaximumMessageSize: '1024' });
  await rejectsWith(
    kit.sqs.send(
      new SendMessageCommand({
        QueueUrl: small,
        MessageBody: 'x'.repeat(1000),
        MessageAttributes: { pad: { DataType: 'String', StringValue: 'y'.repeat(100) } },
      }),
    ),
    'InvalidParameterValue',
  );
});

test('message content and attributes are validated', async () => {
  const url = await kit.queue();
  await rejectsWith(
    kit.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: '' })),
    'MissingParameter',
    'MissingParameter',
  );
  await rejectsWith(
    kit.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'bad \u0000 char' })),
    'InvalidMessageContents',
  );
  await rejectsWith(
    kit.sqs.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: 'x',
        MessageAttributes: { e: { DataType: 'String', StringValue: '' } },
      }),
    ),
    'InvalidParameterValue',
  );
  await rejectsWith(
    kit.sqs.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: 'x',
        MessageAttributes: { n: { DataType: 'Number', StringValue: 'abc' } },
      }),
    ),
    'InvalidParameterValue',
  );
  await rejectsWith(
    kit.sqs.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: 'x',
        MessageAttributes: { t: { DataType: 'Date', StringValue: '1' } },
      }),
    ),
    'InvalidParameterValue',
  );
  const eleven = Object.fromEntries(
    Array.from({ length: 11 }, (_, i) => [`a${i}`, { DataType: 'String', StringValue: 'v' }]),
  );
  await rejectsWith(
    kit.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x', MessageAttributes: eleven })),
    'InvalidParameterValue',
  );
  await rejectsWith(
    kit.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x', MessageDeduplicationId: 'd' })),
    'InvalidParameterValue',
  );
  await rejectsWith(
    kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 11 })),
    'InvalidParameterValue',
  );
  await rejectsWith(
    kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 21 })),
    'InvalidParameterValue',
  );
});

test('per-message DelaySeconds and the queue DelaySeconds hold a message back', async () => {
  const url = await kit.queue({ DelaySeconds: '1' });
  await kit.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'queue delay' }));
  await kit.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'no delay', DelaySeconds: 0 }));
  const now = (await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10 }))).Messages!;
  assert.deepEqual(
    now.map((m) => m.Body),
    ['no delay'],
  );
  const attrs = (
    await kit.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessagesDelayed'] }),
    )
  ).Attributes!;
  assert.equal(attrs.ApproximateNumberOfMessagesDelayed, '1');
  const later = (await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 3 }))).Messages!;
  assert.deepEqual(
    later.map((m) => m.Body),
    ['queue delay'],
  );
});

test('long polling returns as soon as a message arrives, and empty when the wait ends', async () => {
  const url = await kit.queue();
  const started = Date.now();
  const poll = kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 20 }));
  await sleep(200);
  await kit.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'wake up' }));
  const got = await poll;
  assert.equal(got.Messages?.[0]?.Body, 'wake up');
  assert.ok(Date.now() - started < 10_000, 'the poll returns with the message, not after its full 20 s');
  const emptyStart = Date.now();
  const empty = await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 1 }));
  assert.equal(empty.Messages, undefined);
  assert.ok(Date.now() - emptyStart >= 900, 'an empty long poll waits for WaitTimeSeconds');
});

test('ReceiveMessageWaitTimeSeconds on the queue makes every receive a long poll', async () => {
  const url = await kit.queue({ ReceiveMessageWaitTimeSeconds: '5' });
  const poll = kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url }));
  await sleep(200);
  await kit.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'queue default wait' }));
  assert.equal((await poll).Messages?.[0]?.Body, 'queue default wait');
});

test('MaxNumberOfMessages caps a receive; every message is delivered at least once', async () => {
  const url = await kit.queue();
  const bodies = Array.from({ length: 25 }, (_, i) => `m${i}`);
  for (let i = 0; i < bodies.length; i += 10) {
    await kit.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: url,
        Entries: bodies.slice(i, i + 10).map((b) => ({ Id: b, MessageBody: b })),
      }),
    );
  }
  const seen = new Set<string>();
  for (;;) {
    const got =
      (await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10 }))).Messages ?? [];
    if (got.length === 0) break;
    assert.ok(got.length <= 10);
    for (const m of got) seen.add(m.Body!);
  }
  assert.deepEqual([...seen].sort(), [...bodies].sort());
});

test('deleting with a stale receipt handle of a standard queue still deletes; deleting twice succeeds', async () => {
  const url = await kit.queue();
  await kit.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'once' }));
  const first = (await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, VisibilityTimeout: 0 }))).Messages![0]!;
  await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, VisibilityTimeout: 30 }));
  await kit.sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: first.ReceiptHandle }));
  await kit.sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: first.ReceiptHandle }));
  const attrs = (await kit.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] })))
    .Attributes!;
  assert.equal(attrs.ApproximateNumberOfMessagesNotVisible, '0');
  await rejectsWith(
    kit.sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: 'not a handle' })),
    'ReceiptHandleIsInvalid',
  );
});

test('a trace header is kept as the AWSTraceHeader system attribute', async () => {
  const url = await kit.queue();
  const trace = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1';
  const sent = await kit.sqs.send(
    new SendMessageCommand({
      QueueUrl: url,
      MessageBody: 't',
      MessageSystemAttributes: { AWSTraceHeader: { DataType: 'String', StringValue: trace } },
    }),
  );
  assert.match(sent.MD5OfMessageSystemAttributes!, /^[0-9a-f]{32}$/);
  const m = (
    await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MessageSystemAttributeNames: ['AWSTraceHeader'] }))
  ).Messages![0]!;
  assert.equal(m.Attributes?.AWSTraceHeader, trace);
});
