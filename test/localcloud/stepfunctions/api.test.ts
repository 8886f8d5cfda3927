// The Step Functions control plane through @aws-sdk/client-sfn: state machines, executions,
// history paging, EXPRESS rules and the error names AWS returns.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateStateMachineCommand,
  DeleteStateMachineCommand,
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  DescribeStateMachineForExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  ListTagsForResourceCommand,
  SFNClient,
  StartExecutionCommand,
  StartSyncExecutionCommand,
  StopExecutionCommand,
  TagResourceCommand,
  UpdateStateMachineCommand,
  ValidateStateMachineDefinitionCommand,
} from '@aws-sdk/client-sfn';
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  ROLE,
  createMachine,
  details,
  history,
  run,
  sequence,
  sfnFixture,
  uniqueName,
  waitForStop,
  type SfnFixture,
} from './sfnFixture';

let f: SfnFixture;
before(async () => (f = await sfnFixture()));
after(() => f.stop());

const passMachine = {
  StartAt: 'State_1',
  States: { State_1: { Type: 'Pass', Result: { Arg1: 'argument1' }, End: true } },
};
const waitMachine = { StartAt: 'State_1', States: { State_1: { Type: 'Wait', Seconds: 60, End: true } } };

async function rejects(p: Promise<unknown>, name: string, message?: RegExp): Promise<void> {
  await assert.rejects(p, (e: Error & { $metadata?: { httpStatusCode?: number } }) => {
    assert.equal(e.name, name);
    assert.equal(e.$metadata?.httpStatusCode, 400);
    if (message) assert.match(e.message, message);
    return true;
  });
}

test('create, describe, list, update and delete a state machine', async () => {
  const name = uniqueName('crud');
  const definition = JSON.stringify(passMachine);
  const created = await f.sfn.send(new CreateStateMachineCommand({ name, definition, roleArn: ROLE }));
  assert.equal(created.stateMachineArn, `arn:aws:states:us-east-1:000000000000:stateMachine:${name}`);
  assert.ok(created.creationDate instanceof Date);
  // Same name and definition: idempotent; another definition: StateMachineAlreadyExists.
  const again = await f.sfn.send(new CreateStateMachineCommand({ name, definition, roleArn: ROLE }));
  assert.equal(again.stateMachineArn, created.stateMachineArn);
  await rejects(
    f.sfn.send(new CreateStateMachineCommand({ name, definition: JSON.stringify(waitMachine), roleArn: ROLE })),
    'StateMachineAlreadyExists',
  );

  const d = await f.sfn.send(new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineArn }));
  assert.equal(d.status, 'ACTIVE');
  assert.equal(d.type, 'STANDARD');
  assert.equal(d.definition, definition);
  assert.deepEqual(d.loggingConfiguration, { level: 'OFF', includeExecutionData: false });
  assert.deepEqual(d.tracingConfiguration, { enabled: false });

  const listed = await f.sfn.send(new ListStateMachinesCommand({}));
  assert.ok(listed.stateMachines!.some((m) => m.name === name && m.type === 'STANDARD'));

  const updated = await f.sfn.send(
    new UpdateStateMachineCommand({
      stateMachineArn: created.stateMachineArn,
      definition: JSON.stringify(waitMachine),
    }),
  );
  assert.ok(updated.updateDate instanceof Date);
  const d2 = await f.sfn.send(new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineArn }));
  assert.equal(d2.definition, JSON.stringify(waitMachine));

  await f.sfn.send(new DeleteStateMachineCommand({ stateMachineArn: created.stateMachineArn }));
  await rejects(
    f.sfn.send(new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineArn })),
    'StateMachineDoesNotExist',
    /State Machine Does Not Exist/,
  );
});

test('bad input: InvalidDefinition with asl-validator messages, InvalidName, InvalidArn, ValidationException', async () => {
  const broken = { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' } } };
  await rejects(
    f.sfn.send(
      new CreateStateMachineCommand({ name: uniqueName('bad'), definition: JSON.stringify(broken), roleArn: ROLE }),
    ),
    'InvalidDefinition',
    /^Invalid State Machine Definition: '.*MISSING_TRANSITION_TARGET.*B/,
  );
  await rejects(
    f.sfn.send(new CreateStateMachineCommand({ name: uniqueName('bad'), definition: '{not json', roleArn: ROLE })),
    'InvalidDefinition',
    /INVALID_JSON_DESCRIPTION/,
  );
  // A machine or branch that never ends is named as what it is, not by the validator's internal counter.
  const endless = {
    StartAt: 'A',
    States: {
      A: { Type: 'Parallel', Branches: [{ StartAt: 'L', States: { L: { Type: 'Pass', Next: 'L' } } }], Next: 'A' },
    },
  };
  await rejects(
    f.sfn.send(
      new CreateStateMachineCommand({ name: uniqueName('bad'), definition: JSON.stringify(endless), roleArn: ROLE }),
    ),
    'InvalidDefinition',
    /^(?!.*fsm\d).*The state machine is missing a terminal state.*A Parallel branch or Map iterator is missing a terminal state/,
  );
  await rejects(
    f.sfn.send(
      new CreateStateMachineCommand({ name: 'has space', definition: JSON.stringify(passMachine), roleArn: ROLE }),
    ),
    'InvalidName',
  );
  await rejects(f.sfn.send(new DescribeStateMachineCommand({ stateMachineArn: 'not-an-arn' })), 'InvalidArn');
  await rejects(
    f.sfn.send(new DescribeExecutionCommand({ executionArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:x' })),
    'InvalidArn',
    /Resource type not valid in this context: stateMachine/,
  );
  await rejects(
    f.sfn.send(
      new CreateStateMachineCommand({
        name: uniqueName('bad'),
        definition: JSON.stringify(passMachine),
        roleArn: 'nope',
      }),
    ),
    'InvalidArn',
  );
  await rejects(
    f.sfn.send(
      new CreateStateMachineCommand({
        name: uniqueName('tag'),
        definition: JSON.stringify(passMachine),
        roleArn: ROLE,
        tags: [{ key: 'hoc:time-scale', value: 'fast' }],
      }),
    ),
    'ValidationException',
  );
});

test('ValidateStateMachineDefinition reports OK or FAIL with diagnostics', async () => {
  const ok = await f.sfn.send(new ValidateStateMachineDefinitionCommand({ definition: JSON.stringify(passMachine) }));
  assert.equal(ok.result, 'OK');
  assert.deepEqual(ok.diagnostics, []);
  const bad = await f.sfn.send(
    new ValidateStateMachineDefinitionCommand({
      definition: JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Bogus', End: true } } }),
    }),
  );
  assert.equal(bad.result, 'FAIL');
  assert.equal(bad.diagnostics![0]!.severity, 'ERROR');
  assert.equal(bad.diagnostics![0]!.code, 'SCHEMA_VALIDATION_FAILED');
  const express = await f.sfn.send(
    new ValidateStateMachineDefinitionCommand({
      type: 'EXPRESS',
      definition: JSON.stringify({
        StartAt: 'T',
        States: {
          T: {
            Type: 'Task',
            Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
            Parameters: { QueueUrl: 'q', 'MessageBody.$': '$$.Task.Token' },
            End: true,
          },
        },
      }),
    }),
  );
  assert.equal(express.result, 'FAIL');
  assert.match(express.diagnostics![0]!.message!, /Express state machine does not support '\.waitForTaskToken'/);
});

test('StartExecution: name idempotency while running, ExecutionAlreadyExists otherwise; list, describe, stop', async () => {
  const stateMachineArn = await createMachine(f.sfn, waitMachine);
  const name = uniqueName('exec');
  const first = await f.sfn.send(new StartExecutionCommand({ stateMachineArn, name, input: '{"a":1}' }));
  assert.equal(first.executionArn, `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`);
  const same = await f.sfn.send(new StartExecutionCommand({ stateMachineArn, name, input: '{"a":1}' }));
  assert.equal(same.executionArn, first.executionArn);
  await rejects(
    f.sfn.send(new StartExecutionCommand({ stateMachineArn, name, input: '{"a":2}' })),
    'ExecutionAlreadyExists',
  );
  await rejects(f.sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"a":' })), 'InvalidExecutionInput');

  const running = await f.sfn.send(new ListExecutionsCommand({ stateMachineArn, statusFilter: 'RUNNING' }));
  assert.deepEqual(
    running.executions!.map((e) => e.name),
    [name],
  );

  const stopped = await f.sfn.send(
    new StopExecutionCommand({ executionArn: first.executionArn, error: 'Operator', cause: 'stopped by a test' }),
  );
  assert.ok(stopped.stopDate instanceof Date);
  const d = await f.sfn.send(new DescribeExecutionCommand({ executionArn: first.executionArn }));
  assert.equal(d.status, 'ABORTED');
  assert.equal(d.error, 'Operator');
  const events = await history(f.sfn, first.executionArn!);
  // AWS: the abort event points at event 0.
  assert.deepEqual(sequence(events), ['1 0 ExecutionStarted', '2 0 WaitStateEntered', '3 0 ExecutionAborted']);
  assert.deepEqual(details(events[2]!), { error: 'Operator', cause: 'stopped by a test' });
  await rejects(
    f.sfn.send(new StartExecutionCommand({ stateMachineArn, name, input: '{"a":1}' })),
    'ExecutionAlreadyExists',
  );
  await rejects(
    f.sfn.send(new DescribeExecutionCommand({ executionArn: `${first.executionArn}-nope` })),
    'ExecutionDoesNotExist',
    /Execution Does Not Exist/,
  );
  await rejects(
    f.sfn.send(new StartExecutionCommand({ stateMachineArn: `${stateMachineArn}-nope` })),
    'StateMachineDoesNotExist',
  );
});

test('StopExecution inside a Map and a Parallel leaves the cloud serving', async () => {
  const wait = (name: string) => ({ StartAt: name, States: { [name]: { Type: 'Wait', Seconds: 60, End: true } } });
  const def = {
    StartAt: 'P',
    States: {
      P: {
        Type: 'Parallel',
        End: true,
        Branches: [wait('W1'), { StartAt: 'M', States: { M: { Type: 'Map', End: true, ItemProcessor: wait('W2') } } }],
      },
    },
  };
  const stateMachineArn = await createMachine(f.sfn, def);
  const { executionArn } = await f.sfn.send(new StartExecutionCommand({ stateMachineArn, input: '[1,2,3]' }));
  await new Promise((r) => setTimeout(r, 200));
  await f.sfn.send(new StopExecutionCommand({ executionArn }));
  assert.equal((await waitForStop(f.sfn, executionArn!)).status, 'ABORTED');
  await new Promise((r) => setTimeout(r, 100));
  const events = await history(f.sfn, executionArn!);
  assert.equal(events.at(-1)!.type, 'ExecutionAborted');
  assert.equal(events.filter((e) => e.type === 'ExecutionAborted').length, 1);
  assert.ok((await f.sfn.send(new ListStateMachinesCommand({}))).stateMachines!.length > 0);
});

test('GetExecutionHistory: reverseOrder, maxResults/nextToken paging, includeExecutionData', async () => {
  const { executionArn, events } = await run(
    f.sfn,
    {
      StartAt: 'A',
      States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', Next: 'C' }, C: { Type: 'Pass', End: true } },
    },
    { k: 'v' },
  );
  assert.equal(events.length, 8);
  const ids: number[] = [];
  let nextToken: string | undefined;
  do {
    const page = await f.sfn.send(
      new GetExecutionHistoryCommand({ executionArn, maxResults: 3, reverseOrder: true, nextToken }),
    );
    assert.ok(page.events!.length <= 3);
    ids.push(...page.events!.map((e) => e.id!));
    nextToken = page.nextToken;
  } while (nextToken);
  assert.deepEqual(ids, [8, 7, 6, 5, 4, 3, 2, 1]);
  const bare = await f.sfn.send(new GetExecutionHistoryCommand({ executionArn, includeExecutionData: false }));
  assert.deepEqual(bare.events![1]!.stateEnteredEventDetails, { name: 'A' });
  assert.equal(bare.events![0]!.executionStartedEventDetails!.input, undefined);
  assert.equal(events[1]!.stateEnteredEventDetails!.input, '{"k":"v"}');
  await rejects(f.sfn.send(new GetExecutionHistoryCommand({ executionArn, nextToken: 'garbage' })), 'InvalidToken');
});

test('DescribeStateMachineForExecution returns the definition the execution ran with', async () => {
  const { stateMachineArn, executionArn } = await run(f.sfn, passMachine);
  await f.sfn.send(new UpdateStateMachineCommand({ stateMachineArn, definition: JSON.stringify(waitMachine) }));
  const d = await f.sfn.send(new DescribeStateMachineForExecutionCommand({ executionArn }));
  assert.equal(d.stateMachineArn, stateMachineArn);
  assert.equal(d.definition, JSON.stringify(passMachine));
  assert.equal(d.roleArn, ROLE);
});

test('EXPRESS: StartSyncExecution answers with the result; other execution APIs refuse express ARNs', async () => {
  const stateMachineArn = await createMachine(f.sfn, passMachine, { type: 'EXPRESS' });
  const out = await f.sfn.send(new StartSyncExecutionCommand({ stateMachineArn, input: '{}' }));
  assert.equal(out.status, 'SUCCEEDED');
  assert.equal(out.output, '{"Arg1":"argument1"}');
  assert.match(out.executionArn!, /^arn:aws:states:us-east-1:000000000000:express:[^:]+:[^:]+:[^:]+$/);
  assert.ok(out.billingDetails!.billedDurationInMilliseconds! >= 100);

  const failing = await createMachine(
    f.sfn,
    { StartAt: 'F', States: { F: { Type: 'Fail', Error: 'Boom', Cause: 'because' } } },
    { type: 'EXPRESS' },
  );
  const failed = await f.sfn.send(new StartSyncExecutionCommand({ stateMachineArn: failing }));
  assert.equal(failed.status, 'FAILED');
  assert.equal(failed.error, 'Boom');
  assert.equal(failed.cause, 'because');

  const started = await f.sfn.send(new StartExecutionCommand({ stateMachineArn }));
  await rejects(
    f.sfn.send(new DescribeExecutionCommand({ executionArn: started.executionArn })),
    'InvalidArn',
    /Resource type not valid in this context: express/,
  );
  await rejects(f.sfn.send(new GetExecutionHistoryCommand({ executionArn: started.executionArn })), 'InvalidArn');
  await rejects(f.sfn.send(new ListExecutionsCommand({ stateMachineArn })), 'StateMachineTypeNotSupported');
  const standard = await createMachine(f.sfn, passMachine);
  await rejects(
    f.sfn.send(new StartSyncExecutionCommand({ stateMachineArn: standard })),
    'StateMachineTypeNotSupported',
  );
  await rejects(
    f.sfn.send(
      new CreateStateMachineCommand({
        name: uniqueName('x'),
        type: 'EXPRESS',
        roleArn: ROLE,
        definition: JSON.stringify({
          StartAt: 'S',
          States: {
            S: {
              Type: 'Task',
              Resource: 'arn:aws:states:::states:startExecution.sync',
              Parameters: { StateMachineArn: standard },
              End: true,
            },
          },
        }),
      }),
    ),
    'InvalidDefinition',
    /Express state machine does not support '\.sync' service integration at \/States\/S\/Resource/,
  );
});

test('without disableHostPrefix the SDK sends StartSyncExecution to sync-<host>', async () => {
  const stateMachineArn = await createMachine(f.sfn, passMachine, { type: 'EXPRESS' });
  const plain = new SFNClient({ ...f.cloud.clientConfig });
  await assert.rejects(plain.send(new StartSyncExecutionCommand({ stateMachineArn })), /sync-127\.0\.0\.1/);
});

test('tags: TagResource and ListTagsForResource', async () => {
  const arn = await createMachine(f.sfn, passMachine, { tags: [{ key: 'course', value: 'cloud' }] });
  await f.sfn.send(new TagResourceCommand({ resourceArn: arn, tags: [{ key: 'lab', value: '7' }] }));
  const t = await f.sfn.send(new ListTagsForResourceCommand({ resourceArn: arn }));
  assert.deepEqual(t.tags, [
    { key: 'course', value: 'cloud' },
    { key: 'lab', value: '7' },
  ]);
  await rejects(f.sfn.send(new ListTagsForResourceCommand({ resourceArn: `${arn}-nope` })), 'ResourceNotFound');
});

test('execution TimeoutSeconds ends in ExecutionTimedOut', async () => {
  const { events, execution } = await run(f.sfn, {
    TimeoutSeconds: 1,
    StartAt: 'W',
    States: { W: { Type: 'Wait', Seconds: 30, End: true } },
  });
  assert.equal(execution.status, 'TIMED_OUT');
  assert.deepEqual(
    events.map((e) => e.type),
    ['ExecutionStarted', 'WaitStateEntered', 'ExecutionTimedOut'],
  );
  assert.equal(events[2]!.previousEventId, 2);
  await waitForStop(f.sfn, execution.executionArn!);
});

test('loggingConfiguration: history events go to the CloudWatch Logs group as AWS writes them', async () => {
  const logs = new CloudWatchLogsClient(f.cloud.clientConfig);
  const group = `/aws/vendedlogs/states/${uniqueName('logs')}`;
  const logArn = `arn:aws:logs:us-east-1:000000000000:log-group:${group}:*`;
  const out = await f.sfn.send(
    new CreateStateMachineCommand({
      name: uniqueName('logged'),
      type: 'EXPRESS',
      roleArn: ROLE,
      definition: JSON.stringify(passMachine),
      loggingConfiguration: {
        level: 'ALL',
        includeExecutionData: true,
        destinations: [{ cloudWatchLogsLogGroup: { logGroupArn: logArn } }],
      },
    }),
  );
  const run1 = await f.sfn.send(
    new StartSyncExecutionCommand({ stateMachineArn: out.stateMachineArn, input: '{"a":1}' }),
  );
  const events = (await logs.send(new FilterLogEventsCommand({ logGroupName: group }))).events!.map(
    (e) => JSON.parse(e.message!) as Record<string, unknown>,
  );
  assert.deepEqual(
    events.map((e) => e.type),
    ['ExecutionStarted', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded'],
  );
  assert.equal(events[0]!.execution_arn, run1.executionArn);
  assert.equal(events[1]!.previous_event_id, '0');
  assert.deepEqual((events[3]!.details as { output: string }).output, '{"Arg1":"argument1"}');
  await rejects(
    f.sfn.send(
      new CreateStateMachineCommand({
        name: uniqueName('logged'),
        roleArn: ROLE,
        definition: JSON.stringify(passMachine),
        loggingConfiguration: { level: 'ALL' },
      }),
    ),
    'InvalidLoggingConfiguration',
  );
});
