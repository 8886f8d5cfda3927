// QueryLanguage JSONata: Output, Arguments, Assign and `$states`, Conditions, Items, Wait and
// Fail expressions, Catch with `$states.errorOutput`, Step Functions' extra functions, and
// variables in both query languages (assignedVariables in StateExited as AWS records them).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { details, run, sfnFixture, type SfnFixture } from './sfnFixture';

let f: SfnFixture;
before(async () => (f = await sfnFixture()));
after(() => f.stop());

test('Pass/Choice/Map/Wait in JSONata with variables carried between states', async () => {
  const def = {
    QueryLanguage: 'JSONata',
    StartAt: 'Init',
    States: {
      Init: {
        Type: 'Pass',
        Assign: { total: '{% $sum($states.input.prices) %}', label: 'order' },
        Output: { items: '{% $states.input.prices %}' },
        Next: 'Check',
      },
      Check: {
        Type: 'Choice',
        Choices: [{ Condition: '{% $total > 10 %}', Next: 'Discount', Assign: { discounted: true } }],
        Default: 'Done',
      },
      Discount: {
        Type: 'Map',
        Items: '{% $states.input.items %}',
        ItemSelector: { price: '{% $states.context.Map.Item.Value %}', index: '{% $states.context.Map.Item.Index %}' },
        ItemProcessor: {
          StartAt: 'Half',
          States: { Half: { Type: 'Pass', Output: '{% $states.input.price / 2 %}', End: true } },
        },
        Output: { halves: '{% $states.result %}', label: '{% $label %}' },
        Next: 'Pause',
      },
      Pause: { Type: 'Wait', Seconds: '{% $count($states.input.halves) - 3 %}', Next: 'Done' },
      Done: {
        Type: 'Pass',
        Output: { result: '{% $states.input %}', total: '{% $total %}', discounted: '{% $discounted %}' },
        End: true,
      },
    },
  };
  const { output, events, execution } = await run(f.sfn, def, { prices: [4, 8, 2] });
  assert.equal(execution.status, 'SUCCEEDED', execution.cause);
  assert.deepEqual(output, { result: { halves: [2, 4, 1], label: 'order' }, total: 14, discounted: true });
  const initExit = events.find((e) => e.type === 'PassStateExited')!;
  // AWS records each assigned variable as JSON text.
  assert.deepEqual(initExit.stateExitedEventDetails!.assignedVariables, { total: '14', label: '"order"' });
  assert.deepEqual(initExit.stateExitedEventDetails!.assignedVariablesDetails, { truncated: false });
});

test('Fail with Error/Cause expressions; Catch with $states.errorOutput and Assign', async () => {
  const def = {
    QueryLanguage: 'JSONata',
    StartAt: 'Try',
    States: {
      Try: {
        Type: 'Parallel',
        Branches: [
          {
            StartAt: 'Boom',
            States: {
              Boom: {
                Type: 'Fail',
                Error: "{% 'Bad' & $states.input.kind %}",
                Cause: '{% $string($states.input.n) %}',
              },
            },
          },
        ],
        Catch: [
          {
            ErrorEquals: ['BadInput'],
            Assign: { caught: '{% $states.errorOutput.Error %}' },
            Output: { error: '{% $states.errorOutput %}', from: '{% $states.input.kind %}' },
            Next: 'After',
          },
        ],
        End: true,
      },
      After: { Type: 'Pass', Output: { error: '{% $states.input.error %}', caught: '{% $caught %}' }, End: true },
    },
  };
  const { output } = await run(f.sfn, def, { kind: 'Input', n: 7 });
  assert.deepEqual(output, { error: { Error: 'BadInput', Cause: '7' }, caught: 'BadInput' });
});

test('Step Functions JSONata functions: $partition, $range, $hash, $parse, $uuid, $random', async () => {
  const def = {
    QueryLanguage: 'JSONata',
    StartAt: 'F',
    States: {
      F: {
        Type: 'Pass',
        Output: {
          partition: '{% $partition([1,2,3,4,5], 2) %}',
          range: '{% $range(0, 10, 5) %}',
          hash: "{% $hash('input data', 'MD5') %}",
          parse: '{% $parse(\'{"a":[1]}\') %}',
          uuid: '{% $length($uuid()) %}',
          random: '{% $random() < 1 %}',
        },
        End: true,
      },
    },
  };
  const { output } = await run(f.sfn, def);
  assert.deepEqual(output, {
    partition: [[1, 2], [3, 4], [5]],
    range: [0, 5, 10],
    hash: '812f45842bc6d66ee14572ce20db8e86',
    parse: { a: [1] },
    uuid: 36,
    random: true,
  });
});

test('JSONata errors are States.QueryEvaluationError; a JSONPath machine may hold a JSONata state', async () => {
  const bad = await run(f.sfn, {
    QueryLanguage: 'JSONata',
    StartAt: 'P',
    States: { P: { Type: 'Pass', Output: '{% $states.input.missing.deeper %}', End: true } },
  });
  assert.equal(bad.execution.status, 'FAILED');
  assert.equal(bad.execution.error, 'States.QueryEvaluationError');

  const mixed = {
    StartAt: 'PathState',
    States: {
      PathState: { Type: 'Pass', Parameters: { 'v.$': '$.x' }, Assign: { 'seen.$': '$.v' }, Next: 'AtaState' },
      AtaState: {
        Type: 'Pass',
        QueryLanguage: 'JSONata',
        Output: { doubled: '{% $states.input.v * 2 %}', seen: '{% $seen %}' },
        End: true,
      },
    },
  };
  const { output, events } = await run(f.sfn, mixed, { x: 21 });
  assert.deepEqual(output, { doubled: 42, seen: 21 });
  assert.deepEqual(details(events[2]!).assignedVariables, { seen: '21' });
});

test('JSONPath variables: Assign with paths, $var references in Parameters and Choice', async () => {
  const def = {
    StartAt: 'Set',
    States: {
      Set: { Type: 'Pass', Assign: { 'limit.$': '$.limit', greeting: 'hi' }, Next: 'Use' },
      Use: {
        Type: 'Pass',
        Parameters: { 'limit.$': '$limit', 'g.$': "States.Format('{} there', $greeting)" },
        Next: 'Decide',
      },
      Decide: {
        Type: 'Choice',
        Choices: [{ Variable: '$limit', NumericGreaterThan: 5, Next: 'Big' }],
        Default: 'Small',
      },
      Big: { Type: 'Pass', End: true },
      Small: { Type: 'Fail', Error: 'TooSmall' },
    },
  };
  const { output, execution } = await run(f.sfn, def, { limit: 9 });
  assert.equal(execution.status, 'SUCCEEDED');
  assert.deepEqual(output, { limit: 9, g: 'hi there' });
});
