// The graph view's data path against the local cloud's Step Functions: definition, executions,
// the full history (paged, as JSON the webview receives) and the colours the view derives from
// it — while the execution runs and after it stopped.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CreateStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import { startTestCloud, type TestCloud } from '../helpers/cloud';
import {
  describeMachine,
  executionWithHistory,
  listExecutions,
  machineOfExecution,
  resolveStateMachineArn,
  startFromView,
} from '../../src/extension/webviews/graph/graphData';
import { parseDefinition } from '../../src/asl';
import { executionView, statusOf } from '../../src/webview/graph/stateDetails';

const definition = {
  StartAt: 'Prepare',
  States: {
    Prepare: { Type: 'Pass', Result: { ok: true }, ResultPath: '$.prepared', Next: 'Hold' },
    Hold: { Type: 'Wait', SecondsPath: '$.wait', Next: 'Fan' },
    Fan: {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'Resize', States: { Resize: { Type: 'Pass', End: true } } },
        { StartAt: 'Explode', States: { Explode: { Type: 'Fail', Error: 'Boom', Cause: 'grey failed' } } },
      ],
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Recover' }],
      Next: 'Publish',
    },
    Publish: { Type: 'Pass', End: true },
    Recover: { Type: 'Pass', End: true },
  },
};

let cloud: TestCloud;
let sfn: SFNClient;
let arn: string;
const model = parseDefinition(definition);

before(async () => {
  cloud = await startTestCloud();
  sfn = new SFNClient(cloud.clientConfig);
  arn = (
    await sfn.send(
      new CreateStateMachineCommand({
        name: 'pipeline',
        definition: JSON.stringify(definition),
        roleArn: 'arn:aws:iam::000000000000:role/StepFunctionsRole',
      }),
    )
  ).stateMachineArn!;
});

after(async () => {
  sfn.destroy();
  await cloud.stop();
});

async function untilStopped(executionArn: string) {
  for (let i = 0; i < 200; i++) {
    const out = await executionWithHistory(sfn, executionArn);
    if (out.execution.status !== 'RUNNING') return out;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('execution did not stop');
}

test('machine by name or ARN, its definition and type; an execution ARN names its machine', async () => {
  assert.equal(await resolveStateMachineArn(sfn, 'pipeline'), arn);
  assert.equal(await resolveStateMachineArn(sfn, arn), arn);
  await assert.rejects(resolveStateMachineArn(sfn, 'nope'), /No state machine named nope/);
  const m = await describeMachine(sfn, arn);
  assert.equal(m.name, 'pipeline');
  assert.equal(m.type, 'STANDARD');
  assert.deepEqual(JSON.parse(m.definition), definition);
  assert.equal(machineOfExecution(arn.replace(':stateMachine:', ':execution:') + ':run-1'), arn);
});

test('start from the view, watch it run, then see every state coloured from the history', async () => {
  const executionArn = await startFromView(sfn, arn, JSON.stringify({ wait: 1 }), 'view-run');
  assert.match(executionArn, /:execution:pipeline:view-run$/);

  // While the Wait holds: Prepare succeeded, Hold runs, the rest not reached.
  let running;
  for (let i = 0; i < 40; i++) {
    running = await executionWithHistory(sfn, executionArn);
    if (statusOf(executionView(model, running.events, Date.now()), 'Hold') === 'running') break;
    await new Promise((r) => setTimeout(r, 25));
  }
  assert.equal(running!.execution.status, 'RUNNING');
  const live = executionView(model, running!.events, Date.now());
  assert.equal(statusOf(live, 'Prepare'), 'succeeded');
  assert.equal(statusOf(live, 'Hold'), 'running');
  assert.equal(statusOf(live, 'Fan'), 'notReached');
  assert.ok(live.states.get('Hold')!.durationMs! >= 0);

  const done = await untilStopped(executionArn);
  assert.equal(done.execution.status, 'SUCCEEDED');
  assert.equal(done.execution.name, 'view-run');
  assert.deepEqual(JSON.parse(done.execution.input!), { wait: 1 });
  // The wire form: plain JSON with epoch-ms timestamps and AWS's details members.
  const wire = JSON.parse(JSON.stringify(done.events));
  assert.deepEqual(wire, done.events);
  assert.ok(done.events.every((e) => typeof e.timestamp === 'number' && e.timestamp > 0));
  assert.equal(done.events[0].type, 'ExecutionStarted');
  assert.ok(
    done.events.some(
      (e) => e.type === 'PassStateEntered' && (e.stateEnteredEventDetails as { name: string }).name === 'Prepare',
    ),
  );

  const view = executionView(model, done.events, Date.now());
  assert.equal(view.outcome, 'succeeded');
  assert.equal(statusOf(view, 'Prepare'), 'succeeded');
  assert.equal(statusOf(view, 'Hold'), 'succeeded');
  assert.ok(view.states.get('Hold')!.durationMs! >= 900, 'the Wait took about a second');
  assert.equal(statusOf(view, model.idByName.get('Resize')!), 'succeeded');
  assert.equal(statusOf(view, model.idByName.get('Explode')!), 'failed');
  assert.equal(statusOf(view, 'Fan'), 'caught');
  assert.equal(statusOf(view, 'Recover'), 'succeeded');
  assert.equal(statusOf(view, 'Publish'), 'notReached');
  assert.match(view.states.get('Recover')!.input!, /Boom/);

  const list = await listExecutions(sfn, arn);
  assert.ok(
    list.some((e) => e.executionArn === executionArn && e.status === 'SUCCEEDED' && e.stopDate! >= e.startDate),
  );
});

test('bad input is refused before it reaches Step Functions, with what to do', async () => {
  await assert.rejects(startFromView(sfn, arn, '{not json'), /not valid JSON .*Fix it and start again/);
});
