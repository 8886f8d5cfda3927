// TestState through the SDK: one state run on an input, with its next state, inspection data
// (DEBUG), caught errors and retriable ones.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { TestStateCommand } from '@aws-sdk/client-sfn';
import { ROLE, sfnFixture, type SfnFixture } from './sfnFixture';

let f: SfnFixture;
before(async () => (f = await sfnFixture()));
after(() => f.stop());

const testState = (definition: object, input: unknown, extra: Record<string, unknown> = {}) =>
  f.sfn.send(
    new TestStateCommand({
      definition: JSON.stringify(definition),
      roleArn: ROLE,
      input: JSON.stringify(input),
      ...extra,
    }),
  );

test('a Pass state with the JSONPath pipeline, inspected at DEBUG level', async () => {
  const out = await testState(
    {
      Type: 'Pass',
      InputPath: '$.payload',
      Parameters: { 'doubled.$': 'States.MathAdd($.n, $.n)' },
      ResultPath: '$.result',
      OutputPath: '$.result',
      Next: 'Somewhere',
    },
    { payload: { n: 4 } },
    { inspectionLevel: 'DEBUG' },
  );
  assert.equal(out.status, 'SUCCEEDED');
  assert.equal(out.nextState, 'Somewhere');
  assert.equal(out.output, '{"doubled":8}');
  assert.equal(out.inspectionData!.input, '{"payload":{"n":4}}');
  assert.equal(out.inspectionData!.afterInputPath, '{"n":4}');
  assert.equal(out.inspectionData!.afterParameters, '{"doubled":8}');
  // ResultPath merges into the raw state input, not the InputPath selection.
  assert.equal(out.inspectionData!.afterResultPath, '{"payload":{"n":4},"result":{"doubled":8}}');
});

test('Choice picks its next state; Fail reports FAILED with error and cause', async () => {
  const choice = await testState(
    { Type: 'Choice', Choices: [{ Variable: '$.v', NumericGreaterThan: 1, Next: 'Big' }], Default: 'Small' },
    { v: 5 },
  );
  assert.equal(choice.status, 'SUCCEEDED');
  assert.equal(choice.nextState, 'Big');
  const wait = await testState({ Type: 'Wait', Seconds: 3600, Next: 'After' }, { a: 1 });
  assert.equal(wait.nextState, 'After');
  assert.equal(wait.output, '{"a":1}');
  const fail = await testState({ Type: 'Fail', Error: 'Oops', Cause: 'because' }, {});
  assert.equal(fail.status, 'FAILED');
  assert.equal(fail.error, 'Oops');
  assert.equal(fail.cause, 'because');
});

test('an error matched by Retry is RETRIABLE; one matched by Catch is CAUGHT_ERROR', async () => {
  const branches = [{ StartAt: 'F', States: { F: { Type: 'Fail', Error: 'Transient' } } }];
  const retriable = await testState(
    { Type: 'Parallel', Branches: branches, Retry: [{ ErrorEquals: ['Transient'] }], End: true },
    {},
  );
  assert.equal(retriable.status, 'RETRIABLE');
  assert.equal(retriable.error, 'Transient');
  const caught = await testState(
    { Type: 'Parallel', Branches: branches, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Handler' }], End: true },
    {},
  );
  assert.equal(caught.status, 'CAUGHT_ERROR');
  assert.equal(caught.nextState, 'Handler');
  assert.equal(caught.output, '{"Error":"Transient"}');
});

test('a JSONata state with variables; a state picked by name from a whole machine', async () => {
  const ata = await testState(
    { Type: 'Pass', QueryLanguage: 'JSONata', Output: '{% $states.input.x + $bonus %}', End: true },
    { x: 1 },
    { variables: JSON.stringify({ bonus: 10 }) },
  );
  assert.equal(ata.output, '11');
  const machine = {
    StartAt: 'A',
    States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', Result: 'b', End: true } },
  };
  const picked = await testState(machine, {}, { stateName: 'B' });
  assert.equal(picked.output, '"b"');
  await assert.rejects(testState({ Type: 'Nope' }, {}), { name: 'InvalidDefinition' });
});

test('mock: a Task answers with the mocked result or error instead of calling the service', async () => {
  const task = {
    Type: 'Task',
    Resource: 'arn:aws:states:::lambda:invoke',
    Parameters: { FunctionName: 'not-deployed', 'Payload.$': '$' },
    ResultSelector: { 'size.$': '$.Payload.size' },
    Next: 'Report',
    Catch: [{ ErrorEquals: ['Lambda.Unknown'], Next: 'Oops' }],
  };
  const ok = await testState(
    task,
    { key: 'a.jpg' },
    { mock: { result: JSON.stringify({ Payload: { size: 42 }, StatusCode: 200 }) } },
  );
  assert.equal(ok.status, 'SUCCEEDED');
  assert.equal(ok.output, '{"size":42}');
  assert.equal(ok.nextState, 'Report');
  const failed = await testState(task, {}, { mock: { errorOutput: { error: 'Lambda.Unknown', cause: 'mocked' } } });
  assert.equal(failed.status, 'CAUGHT_ERROR');
  assert.equal(failed.nextState, 'Oops');
  assert.equal(failed.error, 'Lambda.Unknown');
});
