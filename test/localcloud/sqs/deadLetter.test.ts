// Dead-letter queues through the real SDK: a message received maxReceiveCount times moves to
// the dead-letter queue, ListDeadLetterSourceQueues, and message move tasks (redrive).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CancelMessageMoveTaskCommand,
  ChangeMessageVisibilityCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  ListDeadLetterSourceQueuesCommand,
  ListMessageMoveTasksCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SetQueueAttributesCommand,
  StartMessageMoveTaskCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { rejectsWith, sleep, useSqs } from './kit';

const kit = useSqs({ anyTarget: true });

async function arnOf(sqs: SQSClient, url: string): Promise<string> {
  return (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }))).Attributes!
    .QueueArn!;
}

async function sourceWithDlq(
  maxReceiveCount: number,
  fifo = false,
): Promise<{ source: string; dlq: string; dlqArn: string; sourceArn: string }> {
  const extra: Record<string, string> = fifo ? { ContentBasedDeduplication: 'true' } : {};
  const dlq = await kit.queue(extra, { fifo });
  const dlqArn = await arnOf(kit.sqs, dlq);
  const source = await kit.queue(
    { ...extra, RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount }) },
    { fifo },
  );
  return { source, dlq, dlqArn, sourceArn: await arnOf(kit.sqs, source) };
}

/** Receives every visible message once (leaving it in flight) and returns the bodies. */
async function drain(url: string): Promise<string[]> {
  const out: string[] = [];
  for (;;) {
    const got =
      (await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, VisibilityTimeout: 30 })))
        .Messages ?? [];
    if (got.length === 0) return out;
    out.push(...got.map((m) => m.Body!));
  }
}

/** Receives every visible message once and makes it visible again at once (a failed consumer). */
async function failOnce(url: string): Promise<string[]> {
  const handles: string[] = [];
  const bodies: string[] = [];
  for (;;) {
    const got =
      (await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, VisibilityTimeout: 30 })))
        .Messages ?? [];
    if (got.length === 0) break;
    for (const m of got) {
      handles.push(m.ReceiptHandle!);
      bodies.push(m.Body!);
    }
  }
  for (const h of handles)
    await kit.sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: h, VisibilityTimeout: 0 }));
  return bodies;
}

test('after maxReceiveCount receives a message moves to the dead-letter queue with its source ARN', async () => {
  const { source, dlq, sourceArn } = await sourceWithDlq(2);
  await kit.sqs.send(
    new SendMessageCommand({
      QueueUrl: source,
      MessageBody: 'poison',
      MessageAttributes: { k: { DataType: 'String', StringValue: 'v' } },
    }),
  );
  for (let i = 1; i <= 2; i++) {
    const m = (await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: source, VisibilityTimeout: 0 }))).Messages;
    assert.equal(m?.[0]?.Body, 'poison', `receive ${i} delivers the message`);
  }
  assert.equal((await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: source }))).Messages, undefined);
  const moved = (
    await kit.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: dlq,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
    )
  ).Messages!;
  assert.equal(moved[0]!.Body, 'poison');
  assert.equal(moved[0]!.Attributes?.DeadLetterQueueSourceArn, sourceArn);
  assert.equal(moved[0]!.Attributes?.ApproximateReceiveCount, '3');
  assert.equal(moved[0]!.MessageAttributes?.k?.StringValue, 'v');
});

test('FIFO queues redrive to a FIFO dead-letter queue; mixing queue types is refused', async () => {
  const { source, dlq } = await sourceWithDlq(1, true);
  await kit.sqs.send(new SendMessageCommand({ QueueUrl: source, MessageBody: 'f', MessageGroupId: 'g' }));
  await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: source, VisibilityTimeout: 0 }));
  await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: source, VisibilityTimeout: 0 }));
  assert.deepEqual(await drain(dlq), ['f']);
  const standardDlq = await arnOf(kit.sqs, await kit.queue());
  const fifo = await kit.queue({}, { fifo: true });
  await rejectsWith(
    kit.sqs.send(
      new SetQueueAttributesCommand({
        QueueUrl: fifo,
        Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: standardDlq, maxReceiveCount: 1 }) },
      }),
    ),
    'InvalidParameterValue',
  );
});

test('a RedriveAllowPolicy on the dead-letter queue decides which sources may use it', async () => {
  const dlq = await kit.queue();
  const dlqArn = await arnOf(kit.sqs, dlq);
  const allowed = await kit.queue();
  const allowedArn = await arnOf(kit.sqs, allowed);
  await kit.sqs.send(
    new SetQueueAttributesCommand({
      QueueUrl: dlq,
      Attributes: {
        RedriveAllowPolicy: JSON.stringify({ redrivePermission: 'byQueue', sourceQueueArns: [allowedArn] }),
      },
    }),
  );
  const policy = JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 2 });
  await kit.sqs.send(new SetQueueAttributesCommand({ QueueUrl: allowed, Attributes: { RedrivePolicy: policy } }));
  const other = await kit.queue();
  await rejectsWith(
    kit.sqs.send(new SetQueueAttributesCommand({ QueueUrl: other, Attributes: { RedrivePolicy: policy } })),
    'InvalidParameterValue',
  );
  await kit.sqs.send(
    new SetQueueAttributesCommand({
      QueueUrl: dlq,
      Attributes: { RedriveAllowPolicy: JSON.stringify({ redrivePermission: 'denyAll' }) },
    }),
  );
  await rejectsWith(kit.queue({ RedrivePolicy: policy }), 'InvalidParameterValue');
});

test('ListDeadLetterSourceQueues lists the queues that redrive to a queue', async () => {
  const { source, dlq, dlqArn } = await sourceWithDlq(3);
  const other = await kit.queue({ RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 5 }) });
  const listed = await kit.sqs.send(new ListDeadLetterSourceQueuesCommand({ QueueUrl: dlq }));
  assert.deepEqual(listed.queueUrls?.slice().sort(), [source, other].sort());
  const page = await kit.sqs.send(new ListDeadLetterSourceQueuesCommand({ QueueUrl: dlq, MaxResults: 1 }));
  assert.equal(page.queueUrls?.length, 1);
  assert.ok(page.NextToken);
});

test('a message move task redrives dead letters back to their source queue', async () => {
  const { source, dlq, dlqArn } = await sourceWithDlq(1);
  for (const body of ['one', 'two'])
    await kit.sqs.send(new SendMessageCommand({ QueueUrl: source, MessageBody: body }));
  assert.deepEqual((await failOnce(source)).sort(), ['one', 'two']);
  assert.deepEqual(await failOnce(source), []); // the second attempt dead-letters both
  const { TaskHandle } = await kit.sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dlqArn }));
  assert.ok(TaskHandle);
  let tasks;
  for (let i = 0; i < 100; i++) {
    tasks = (await kit.sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dlqArn }))).Results!;
    if (tasks[0]?.Status === 'COMPLETED') break;
    await sleep(100);
  }
  assert.equal(tasks![0]!.Status, 'COMPLETED');
  assert.equal(tasks![0]!.ApproximateNumberOfMessagesMoved, 2);
  assert.equal(tasks![0]!.ApproximateNumberOfMessagesToMove, 2);
  assert.equal(tasks![0]!.TaskHandle, undefined);
  assert.deepEqual((await drain(source)).sort(), ['one', 'two']);
  assert.deepEqual(await drain(dlq), []);
});

test('a move task to an explicit destination can be cancelled while it runs', async () => {
  const { source, dlqArn } = await sourceWithDlq(1);
  // 20 messages at 1 a second: the task is still running when it is cancelled, however slow the machine.
  for (let i = 0; i < 20; i += 10) {
    await kit.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: source,
        Entries: Array.from({ length: 10 }, (_, k) => ({ Id: `m${k}`, MessageBody: `m${i + k}` })),
      }),
    );
  }
  await failOnce(source);
  await failOnce(source);
  const destination = await kit.queue();
  const destinationArn = await arnOf(kit.sqs, destination);
  const { TaskHandle } = await kit.sqs.send(
    new StartMessageMoveTaskCommand({
      SourceArn: dlqArn,
      DestinationArn: destinationArn,
      MaxNumberOfMessagesPerSecond: 1,
    }),
  );
  await rejectsWith(kit.sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dlqArn })), 'InvalidParameterValue');
  const running = (await kit.sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dlqArn, MaxResults: 10 }))).Results!;
  assert.equal(running[0]!.Status, 'RUNNING');
  assert.equal(running[0]!.TaskHandle, TaskHandle);
  assert.equal(running[0]!.MaxNumberOfMessagesPerSecond, 1);
  assert.equal(running[0]!.DestinationArn, destinationArn);
  const cancelled = await kit.sqs.send(new CancelMessageMoveTaskCommand({ TaskHandle }));
  assert.ok(cancelled.ApproximateNumberOfMessagesMoved! < 20);
  const after = (await kit.sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dlqArn }))).Results!;
  assert.equal(after[0]!.Status, 'CANCELLED');
  assert.ok((await drain(destination)).length < 20);
});

test('move task errors: source must be a dead-letter queue, queues must exist, handles must be valid', async () => {
  const plain = await arnOf(kit.sqs, await kit.queue());
  const notDlq = await rejectsWith(
    kit.sqs.send(new StartMessageMoveTaskCommand({ SourceArn: plain })),
    'InvalidParameterValue',
  );
  assert.equal(notDlq.message, 'Source queue must be configured as a Dead Letter Queue.');
  await rejectsWith(
    kit.sqs.send(new StartMessageMoveTaskCommand({ SourceArn: 'arn:aws:sqs:us-east-1:000000000000:nope' })),
    'ResourceNotFoundException',
    'ResourceNotFoundException',
    404,
  );
  const { dlqArn } = await sourceWithDlq(1);
  await rejectsWith(
    kit.sqs.send(
      new StartMessageMoveTaskCommand({ SourceArn: dlqArn, DestinationArn: 'arn:aws:sqs:us-east-1:000000000000:nope' }),
    ),
    'ResourceNotFoundException',
  );
  await rejectsWith(
    kit.sqs.send(new CancelMessageMoveTaskCommand({ TaskHandle: 'not-a-handle' })),
    'InvalidParameterValue',
  );
  const unknownTask = Buffer.from(JSON.stringify({ taskId: 'x', sourceArn: dlqArn })).toString('base64');
  await rejectsWith(
    kit.sqs.send(new CancelMessageMoveTaskCommand({ TaskHandle: unknownTask })),
    'ResourceNotFoundException',
  );
});

test('a move task fails with NonExistentQueue when its destination is deleted', async () => {
  const { source, dlqArn } = await sourceWithDlq(1);
  for (let i = 0; i < 3; i++) await kit.sqs.send(new SendMessageCommand({ QueueUrl: source, MessageBody: `m${i}` }));
  await failOnce(source);
  await failOnce(source);
  const destination = await kit.queue();
  await kit.sqs.send(
    new StartMessageMoveTaskCommand({
      SourceArn: dlqArn,
      DestinationArn: await arnOf(kit.sqs, destination),
      MaxNumberOfMessagesPerSecond: 1,
    }),
  );
  await kit.sqs.send(new DeleteQueueCommand({ QueueUrl: destination }));
  let task;
  for (let i = 0; i < 100; i++) {
    task = (await kit.sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dlqArn }))).Results![0]!;
    if (task.Status !== 'RUNNING') break;
    await sleep(100);
  }
  task = task!;
  assert.equal(task.Status, 'FAILED');
  assert.equal(task.FailureReason, 'AWS.SimpleQueueService.NonExistentQueue');
});
