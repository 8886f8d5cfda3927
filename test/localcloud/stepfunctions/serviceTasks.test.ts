// Service integrations without Lambda: sqs:sendMessage (request-response and
// .waitForTaskToken with SendTaskSuccess/Failure/Heartbeat) and states:startExecution
// (request-response, .sync, .sync:2), with the Task* events AWS records.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { CreateQueueCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import {
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { createMachine, details, history, run, sequence, sfnFixture, waitForStop, type SfnFixture } from './sfnFixture';

let f: SfnFixture;
let sqs: SQSClient;
let queueUrl: string;

before(async () => {
  f = await sfnFixture();
  sqs = new SQSClient(f.cloud.clientConfig);
  queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: `sfn-tasks-${process.pid}` }))).QueueUrl!;
});
after(() => f.stop());

async function receiveOne(): Promise<{ Body?: string }> {
  const r = await sqs.send(
    new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 5, MaxNumberOfMessages: 1 }),
  );
  assert.equal(r.Messages?.length, 1);
  return r.Messages![0]!;
}

const sendMachine = (resource: string, parameters: object, extra: object = {}) => ({
  StartAt: 'SendSQS',
  States: { SendSQS: { Type: 'Task', Resource: resource, Parameters: parameters, End: true, ...extra } },
});

test('sqs:sendMessage sends the message and answers with MessageId, MD5 and SDK metadata', async () => {
  const def = sendMachine('arn:aws:states:::sqs:sendMessage', {
    'QueueUrl.$': '$.QueueUrl',
    'MessageBody.$': '$.MessageBody',
  });
  const { events, output } = await run(f.sfn, def, { QueueUrl: queueUrl, MessageBody: 'test_message_body' });
  assert.deepEqual(sequence(events), [
    '1 0 ExecutionStarted',
    '2 0 TaskStateEntered',
    '3 2 TaskScheduled',
    '4 3 TaskStarted',
    '5 4 TaskSucceeded',
    '6 5 TaskStateExited',
    '7 6 ExecutionSucceeded',
  ]);
  assert.deepEqual(details(events[2]!), {
    resourceType: 'sqs',
    resource: 'sendMessage',
    region: 'us-east-1',
    parameters: JSON.stringify({ QueueUrl: queueUrl, MessageBody: 'test_message_body' }),
  });
  assert.deepEqual(details(events[3]!), { resourceType: 'sqs', resource: 'sendMessage' });
  const out = output as Record<string, unknown>;
  assert.equal(out.MD5OfMessageBody, createHash('md5').update('test_message_body').digest('hex'));
  assert.match(String(out.MessageId), /^[0-9a-f-]{36}$/);
  assert.equal((out.SdkHttpMetadata as { HttpStatusCode: number }).HttpStatusCode, 200);
  assert.equal((await receiveOne()).Body, 'test_message_body');

  // A JSON MessageBody is sent as its JSON text.
  await run(f.sfn, sendMachine('arn:aws:states:::sqs:sendMessage', { QueueUrl: queueUrl, MessageBody: { a: 1 } }));
  assert.equal((await receiveOne()).Body, '{"a":1}');
});

test('sqs:sendMessage failures are SQS.AmazonSQSException and can be caught', async () => {
  const def = sendMachine(
    'arn:aws:states:::sqs:sendMessage',
    { QueueUrl: queueUrl, MessageBody: '' },
    { Catch: [{ ErrorEquals: ['SQS.AmazonSQSException'], Next: 'Caught' }], End: undefined, Next: 'Never' },
  );
  Object.assign(def.States, { Caught: { Type: 'Pass', End: true }, Never: { Type: 'Fail' } });
  const { events, output } = await run(f.sfn, def);
  assert.deepEqual(events.map((e) => e.type).slice(4, 6), ['TaskFailed', 'TaskStateExited']);
  assert.match(
    String(details(events[4]!).cause),
    /The request must contain the parameter MessageBody\. \(Service: AmazonSQS; Status Code: 400; Error Code: MissingParameter/,
  );
  assert.equal((output as { Error: string }).Error, 'SQS.AmazonSQSException');

  const missingQueue = await run(
    f.sfn,
    sendMachine('arn:aws:states:::sqs:sendMessage', { QueueUrl: `${queueUrl}-missing`, MessageBody: 'x' }),
  );
  assert.equal(missingQueue.execution.status, 'FAILED');
  assert.equal(missingQueue.execution.error, 'SQS.AmazonSQSException');
});

test('.waitForTaskToken: the task waits for SendTaskSuccess; TaskSubmitted then TaskSucceeded', async () => {
  const def = sendMachine('arn:aws:states:::sqs:sendMessage.waitForTaskToken', {
    QueueUrl: queueUrl,
    MessageBody: { 'Message.$': '$.Message', 'TaskToken.$': '$$.Task.Token' },
  });
  const stateMachineArn = await createMachine(f.sfn, def);
  const { executionArn } = await f.sfn.send(
    new StartExecutionCommand({ stateMachineArn, input: JSON.stringify({ Message: 'test_message_txt' }) }),
  );
  const body = JSON.parse((await receiveOne()).Body!) as { Message: string; TaskToken: string };
  assert.equal(body.Message, 'test_message_txt');
  await f.sfn.send(new SendTaskHeartbeatCommand({ taskToken: body.TaskToken }));
  await f.sfn.send(new SendTaskSuccessCommand({ taskToken: body.TaskToken, output: JSON.stringify(body.Message) }));
  const done = await waitForStop(f.sfn, executionArn!);
  assert.equal(done.output, '"test_message_txt"');
  const events = await history(f.sfn, executionArn!);
  assert.deepEqual(sequence(events), [
    '1 0 ExecutionStarted',
    '2 0 TaskStateEntered',
    '3 2 TaskScheduled',
    '4 3 TaskStarted',
    '5 4 TaskSubmitted',
    '6 5 TaskSucceeded',
    '7 6 TaskStateExited',
    '8 7 ExecutionSucceeded',
  ]);
  assert.equal(details(events[4]!).resource, 'sendMessage.waitForTaskToken');
  assert.equal(details(events[5]!).output, '"test_message_txt"');
  // The token is spent: answering again is TaskTimedOut; a made-up token TaskDoesNotExist; garbage InvalidToken.
  await assert.rejects(f.sfn.send(new SendTaskSuccessCommand({ taskToken: body.TaskToken, output: '{}' })), {
    name: 'TaskTimedOut',
  });
  await assert.rejects(f.sfn.send(new SendTaskSuccessCommand({ taskToken: 'AAAAKgAAAAIAAAAAAAAAAQ', output: '{}' })), {
    name: 'TaskDoesNotExist',
  });
  await assert.rejects(f.sfn.send(new SendTaskSuccessCommand({ taskToken: 'not a token!', output: '{}' })), {
    name: 'InvalidToken',
  });
});

test('.waitForTaskToken: SendTaskFailure fails the task with its error; a missed heartbeat is States.Timeout', async () => {
  const def = sendMachine('arn:aws:states:::sqs:sendMessage.waitForTaskToken', {
    QueueUrl: queueUrl,
    'MessageBody.$': '$$.Task.Token',
  });
  const stateMachineArn = await createMachine(f.sfn, def);
  const { executionArn } = await f.sfn.send(new StartExecutionCommand({ stateMachineArn }));
  const token = (await receiveOne()).Body!;
  await assert.rejects(f.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{not json' })), {
    name: 'InvalidOutput',
  });
  await f.sfn.send(new SendTaskFailureCommand({ taskToken: token, error: 'Failure error', cause: 'Failure cause' }));
  const failed = await waitForStop(f.sfn, executionArn!);
  assert.equal(failed.status, 'FAILED');
  const events = await history(f.sfn, executionArn!);
  assert.deepEqual(details(events[5]!), {
    resourceType: 'sqs',
    resource: 'sendMessage.waitForTaskToken',
    error: 'Failure error',
    cause: 'Failure cause',
  });
  assert.deepEqual(details(events[6]!), { error: 'Failure error', cause: 'Failure cause' });

  const heartbeat = await run(
    f.sfn,
    sendMachine(
      'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
      { QueueUrl: queueUrl, 'MessageBody.$': '$$.Task.Token' },
      { HeartbeatSeconds: 1 },
    ),
  );
  await receiveOne();
  assert.equal(heartbeat.execution.status, 'FAILED');
  assert.deepEqual(sequence(heartbeat.events).slice(4), [
    '5 4 TaskSubmitted',
    '6 5 TaskTimedOut',
    '7 6 ExecutionFailed',
  ]);
  assert.deepEqual(details(heartbeat.events[5]!), {
    resourceType: 'sqs',
    resource: 'sendMessage.waitForTaskToken',
    error: 'States.Timeout',
  });
  assert.deepEqual(details(heartbeat.events[2]!).heartbeatInSeconds, 1);
});

test('StopExecution while a task waits for its token: ABORTED, and the token is spent', async () => {
  const stateMachineArn = await createMachine(
    f.sfn,
    sendMachine('arn:aws:states:::sqs:sendMessage.waitForTaskToken', {
      QueueUrl: queueUrl,
      'MessageBody.$': '$$.Task.Token',
    }),
  );
  const { executionArn } = await f.sfn.send(new StartExecutionCommand({ stateMachineArn }));
  const token = (await receiveOne()).Body!;
  await f.sfn.send(new StopExecutionCommand({ executionArn }));
  const d = await waitForStop(f.sfn, executionArn!);
  assert.equal(d.status, 'ABORTED');
  const types = (await history(f.sfn, executionArn!)).map((e) => e.type);
  assert.deepEqual(types, [
    'ExecutionStarted',
    'TaskStateEntered',
    'TaskScheduled',
    'TaskStarted',
    'TaskSubmitted',
    'ExecutionAborted',
  ]);
  await new Promise((r) => setTimeout(r, 50));
  await assert.rejects(f.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })), {
    name: 'TaskTimedOut',
  });
});

test('states:startExecution, .sync and .sync:2 start nested executions', async () => {
  const child = await createMachine(f.sfn, {
    StartAt: 'P',
    States: { P: { Type: 'Pass', Result: { Arg1: 'argument1' }, End: true } },
  });
  const failing = await createMachine(f.sfn, {
    StartAt: 'F',
    States: { F: { Type: 'Fail', Error: 'SomeFailure', Cause: "This state machines raises a 'SomeFailure' failure." } },
  });
  const parent = (resource: string) => ({
    StartAt: 'StartExecution',
    States: {
      StartExecution: {
        Type: 'Task',
        Resource: resource,
        Parameters: { 'StateMachineArn.$': '$.StateMachineArn', 'Input.$': '$.Input', 'Name.$': '$.Name' },
        End: true,
      },
    },
  });

  const plain = await run(f.sfn, parent('arn:aws:states:::states:startExecution'), {
    StateMachineArn: child,
    Input: { Hello: 'World' },
    Name: `plain-${process.pid}`,
  });
  assert.deepEqual(sequence(plain.events), [
    '1 0 ExecutionStarted',
    '2 0 TaskStateEntered',
    '3 2 TaskScheduled',
    '4 3 TaskStarted',
    '5 4 TaskSucceeded',
    '6 5 TaskStateExited',
    '7 6 ExecutionSucceeded',
  ]);
  const started = plain.output as { ExecutionArn: string; StartDate: number };
  assert.equal(started.ExecutionArn, `${child.replace(':stateMachine:', ':execution:')}:plain-${process.pid}`);
  assert.equal((await waitForStop(f.sfn, started.ExecutionArn)).input, '{"Hello":"World"}');

  const sync2 = await run(f.sfn, parent('arn:aws:states:::states:startExecution.sync:2'), {
    StateMachineArn: child,
    Input: {},
    Name: `sync2-${process.pid}`,
  });
  assert.deepEqual(sync2.events.map((e) => e.type).slice(2, 6), [
    'TaskScheduled',
    'TaskStarted',
    'TaskSubmitted',
    'TaskSucceeded',
  ]);
  const out = sync2.output as Record<string, unknown>;
  assert.deepEqual(out.Output, { Arg1: 'argument1' });
  assert.deepEqual(out.Input, {});
  assert.equal(out.Status, 'SUCCEEDED');

  const sync1 = await run(f.sfn, parent('arn:aws:states:::states:startExecution.sync'), {
    StateMachineArn: child,
    Input: {},
    Name: `sync1-${process.pid}`,
  });
  assert.equal((sync1.output as { Output: string }).Output, '{"Arg1":"argument1"}');

  const failed = await run(f.sfn, parent('arn:aws:states:::states:startExecution.sync'), {
    StateMachineArn: failing,
    Input: {},
    Name: `fail-${process.pid}`,
  });
  assert.equal(failed.execution.status, 'FAILED');
  assert.equal(failed.execution.error, 'States.TaskFailed');
  const cause = JSON.parse(failed.execution.cause!) as Record<string, unknown>;
  assert.equal(cause.Error, 'SomeFailure');
  assert.equal(cause.Status, 'FAILED');
  assert.equal(failed.events.at(-2)!.type, 'TaskFailed');
});

test('stopping a parent stops the child it waits for with .sync', async () => {
  const child = await createMachine(f.sfn, { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 3600, End: true } } });
  const parentArn = await createMachine(f.sfn, {
    StartAt: 'S',
    States: {
      S: {
        Type: 'Task',
        Resource: 'arn:aws:states:::states:startExecution.sync:2',
        Parameters: { StateMachineArn: child, Name: `child-${process.pid}` },
        End: true,
      },
    },
  });
  const { executionArn } = await f.sfn.send(new StartExecutionCommand({ stateMachineArn: parentArn }));
  const childArn = `${child.replace(':stateMachine:', ':execution:')}:child-${process.pid}`;
  for (let i = 0; i < 100; i++) {
    if ((await history(f.sfn, executionArn!)).some((e) => e.type === 'TaskSubmitted')) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  await f.sfn.send(new StopExecutionCommand({ executionArn }));
  assert.equal((await waitForStop(f.sfn, childArn)).status, 'ABORTED');
});

test('an unsupported resource fails with an actionable States.Runtime cause', async () => {
  const { execution } = await run(f.sfn, {
    StartAt: 'T',
    States: { T: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: {}, End: true } },
  });
  assert.equal(execution.error, 'States.Runtime');
  assert.match(execution.cause!, /does not support the Task resource 'arn:aws:states:::dynamodb:putItem'/);
});
