// Pass, Choice, Wait, Succeed, Fail, Parallel and Map through @aws-sdk/client-sfn, with the
// histories compared (ids, previousEventId, types, details) to the sequences AWS records for
// the same machines in its validated snapshots.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DescribeExecutionCommand, GetExecutionHistoryCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { createMachine, details, run, sequence, sfnFixture, waitForStop, type SfnFixture } from './sfnFixture';

let f: SfnFixture;
before(async () => (f = await sfnFixture()));
after(() => f.stop());

const pass = (extra: object = {}) => ({ Type: 'Pass', End: true, ...extra });

test("Pass with Result, ResultPath and a Map over mixed items records AWS's Map event chain", async () => {
  const def = {
    StartAt: 'StartState',
    States: {
      StartState: { Type: 'Pass', Result: { arr: [1, 'Hello', {}, null, 3.3, 3, 4, 5] }, Next: 'MapState' },
      MapState: {
        Type: 'Map',
        ItemsPath: '$.arr',
        ResultPath: null,
        ItemProcessor: { StartAt: 'HandleItem', States: { HandleItem: pass() } },
        Next: 'Final',
      },
      Final: pass(),
    },
  };
  const { events, output } = await run(f.sfn, def);
  // AWS: iteration i+1 starts after the last event of iteration i (not its MapIterationSucceeded);
  // MapStateSucceeded and MapStateExited both point at the last MapIterationSucceeded.
  const expected = [
    '1 0 ExecutionStarted',
    '2 0 PassStateEntered',
    '3 2 PassStateExited',
    '4 3 MapStateEntered',
    '5 4 MapStateStarted',
  ];
  let id = 6;
  let prev = 5;
  for (let i = 0; i < 8; i++) {
    expected.push(
      `${id} ${prev} MapIterationStarted`,
      `${id + 1} ${id} PassStateEntered`,
      `${id + 2} ${id + 1} PassStateExited`,
      `${id + 3} ${id + 2} MapIterationSucceeded`,
    );
    prev = id + 2;
    id += 4;
  }
  expected.push(
    '38 37 MapStateSucceeded',
    '39 37 MapStateExited',
    '40 39 PassStateEntered',
    '41 40 PassStateExited',
    '42 41 ExecutionSucceeded',
  );
  assert.deepEqual(sequence(events), expected);
  assert.deepEqual(details(events[4]!), { length: 8 });
  assert.deepEqual(details(events[5]!), { index: 0, name: 'MapState' });
  assert.equal(details(events[10]!).input, '"Hello"');
  assert.deepEqual(output, { arr: [1, 'Hello', {}, null, 3.3, 3, 4, 5] });
  assert.deepEqual(details(events[0]!), {
    input: '{}',
    inputDetails: { truncated: false },
    roleArn: 'arn:aws:iam::000000000000:role/StepFunctionsRole',
  });
});

test('nested Map: inner MapStateExited continues the outer iteration as on AWS', async () => {
  const def = {
    StartAt: 'MapL1',
    States: {
      MapL1: {
        Type: 'Map',
        End: true,
        ItemProcessor: {
          StartAt: 'MapL2',
          States: {
            MapL2: { Type: 'Map', End: true, ItemProcessor: { StartAt: 'MapL2Pass', States: { MapL2Pass: pass() } } },
          },
        },
      },
    },
  };
  const { events, output } = await run(f.sfn, def, [
    [1, 2, 3],
    [4, 5, 6],
  ]);
  const s = sequence(events);
  assert.deepEqual(s.slice(0, 10), [
    '1 0 ExecutionStarted',
    '2 0 MapStateEntered',
    '3 2 MapStateStarted',
    '4 3 MapIterationStarted',
    '5 4 MapStateEntered',
    '6 5 MapStateStarted',
    '7 6 MapIterationStarted',
    '8 7 PassStateEntered',
    '9 8 PassStateExited',
    '10 9 MapIterationSucceeded',
  ]);
  assert.deepEqual(s.slice(17, 24), [
    '18 17 MapIterationSucceeded',
    '19 18 MapStateSucceeded',
    '20 18 MapStateExited',
    '21 20 MapIterationSucceeded',
    '22 20 MapIterationStarted',
    '23 22 MapStateEntered',
    '24 23 MapStateStarted',
  ]);
  assert.deepEqual(s.slice(-4), [
    '39 38 MapIterationSucceeded',
    '40 39 MapStateSucceeded',
    '41 39 MapStateExited',
    '42 41 ExecutionSucceeded',
  ]);
  assert.deepEqual(output, [
    [1, 2, 3],
    [4, 5, 6],
  ]);
});

test('an empty Map succeeds right after MapStateStarted', async () => {
  const def = {
    StartAt: 'M',
    States: {
      M: { Type: 'Map', ItemsPath: '$.items', End: true, ItemProcessor: { StartAt: 'P', States: { P: pass() } } },
    },
  };
  const { events, output } = await run(f.sfn, def, { items: [] });
  assert.deepEqual(sequence(events), [
    '1 0 ExecutionStarted',
    '2 0 MapStateEntered',
    '3 2 MapStateStarted',
    '4 3 MapStateSucceeded',
    '5 3 MapStateExited',
    '6 5 ExecutionSucceeded',
  ]);
  assert.deepEqual(output, []);
});

test('Map ItemSelector with $$.Map.Item, MaxConcurrency and ResultSelector', async () => {
  const def = {
    StartAt: 'M',
    States: {
      M: {
        Type: 'Map',
        ItemsPath: '$.xs',
        MaxConcurrency: 2,
        ItemSelector: { 'value.$': '$$.Map.Item.Value', 'index.$': '$$.Map.Item.Index', 'factor.$': '$.factor' },
        ItemProcessor: {
          StartAt: 'P',
          States: {
            P: {
              Type: 'Pass',
              Parameters: { 'product.$': 'States.MathAdd($.value, $.factor)', 'i.$': '$.index' },
              End: true,
            },
          },
        },
        ResultSelector: { 'all.$': '$[*].product', 'count.$': 'States.ArrayLength($)' },
        ResultPath: '$.out',
        End: true,
      },
    },
  };
  const { output } = await run(f.sfn, def, { xs: [10, 20, 30], factor: 1 });
  assert.deepEqual(output, { xs: [10, 20, 30], factor: 1, out: { all: [11, 21, 31], count: 3 } });
});

test('Map fails on the first failing item unless tolerated; a Catch sees its error', async () => {
  const processor = {
    StartAt: 'HandleItemFail',
    States: { HandleItemFail: { Type: 'Fail', Error: 'HandleItemFailError', Cause: 'HandleItemFailCause' } },
  };
  const def = {
    StartAt: 'StartState',
    States: {
      StartState: { Type: 'Pass', Result: { arr: [1] }, Next: 'MapState' },
      MapState: {
        Type: 'Map',
        ItemsPath: '$.arr',
        ItemProcessor: processor,
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'FinalCaught' }],
        Next: 'Final',
      },
      FinalCaught: pass(),
      Final: pass(),
    },
  };
  const { events, output } = await run(f.sfn, def);
  assert.deepEqual(sequence(events), [
    '1 0 ExecutionStarted',
    '2 0 PassStateEntered',
    '3 2 PassStateExited',
    '4 3 MapStateEntered',
    '5 4 MapStateStarted',
    '6 5 MapIterationStarted',
    '7 6 FailStateEntered',
    '8 7 MapIterationFailed',
    '9 7 MapStateFailed',
    '10 9 MapStateExited',
    '11 10 PassStateEntered',
    '12 11 PassStateExited',
    '13 12 ExecutionSucceeded',
  ]);
  assert.deepEqual(output, { Error: 'HandleItemFailError', Cause: 'HandleItemFailCause' });

  const retried = await run(f.sfn, {
    StartAt: 'StartState',
    States: {
      StartState: { Type: 'Pass', Result: { arr: [1] }, Next: 'MapState' },
      MapState: {
        Type: 'Map',
        ItemsPath: '$.arr',
        ItemProcessor: processor,
        Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 0, MaxAttempts: 2 }],
        End: true,
      },
    },
  });
  assert.deepEqual(sequence(retried.events).slice(4), [
    '5 4 MapStateStarted',
    '6 5 MapIterationStarted',
    '7 6 FailStateEntered',
    '8 7 MapIterationFailed',
    '9 7 MapStateStarted',
    '10 9 MapIterationStarted',
    '11 10 FailStateEntered',
    '12 11 MapIterationFailed',
    '13 11 MapStateStarted',
    '14 13 MapIterationStarted',
    '15 14 FailStateEntered',
    '16 15 MapIterationFailed',
    '17 15 MapStateFailed',
    '18 17 ExecutionFailed',
  ]);
  assert.deepEqual(details(retried.events[17]!), { error: 'HandleItemFailError', cause: 'HandleItemFailCause' });

  const tolerant = {
    StartAt: 'M',
    States: {
      M: {
        Type: 'Map',
        End: true,
        ToleratedFailureCount: 1,
        ItemProcessor: {
          StartAt: 'C',
          States: {
            C: { Type: 'Choice', Choices: [{ Variable: '$', NumericGreaterThan: 1, Next: 'Bad' }], Default: 'Ok' },
            Ok: pass(),
            Bad: { Type: 'Fail', Error: 'TooBig' },
          },
        },
      },
    },
  };
  const ok = await run(f.sfn, tolerant, [1, 2]);
  assert.equal(ok.execution.status, 'SUCCEEDED');
  assert.deepEqual(ok.output, [1, { Error: 'TooBig' }]);
  const tooMany = await run(f.sfn, tolerant, [2, 3]);
  assert.equal(tooMany.execution.status, 'FAILED');
  assert.equal(tooMany.execution.error, 'States.ExceedToleratedFailureThreshold');
  const byPercentage = {
    ...tolerant,
    States: { M: { ...tolerant.States.M, ToleratedFailureCount: undefined, ToleratedFailurePercentage: 50 } },
  };
  assert.equal((await run(f.sfn, byPercentage, [1, 2, 1, 3])).execution.status, 'SUCCEEDED');
  assert.equal((await run(f.sfn, byPercentage, [1, 2, 3, 3])).execution.status, 'FAILED');
});

test('a failing iteration aborts the others: StateAborted and MapIterationAborted point at the failure', async () => {
  const def = {
    StartAt: 'M',
    States: {
      M: {
        Type: 'Map',
        End: true,
        ItemProcessor: {
          StartAt: 'Route',
          States: {
            Route: {
              Type: 'Choice',
              Choices: [{ Variable: '$', StringEquals: 'fail', Next: 'Boom' }],
              Default: 'Hold',
            },
            Hold: { Type: 'Wait', Seconds: 30, End: true },
            Boom: { Type: 'Fail', Error: 'Boom' },
          },
        },
      },
    },
  };
  const { events, execution } = await run(f.sfn, def, ['wait', 'fail']);
  assert.equal(execution.status, 'FAILED');
  assert.deepEqual(sequence(events), [
    '1 0 ExecutionStarted',
    '2 0 MapStateEntered',
    '3 2 MapStateStarted',
    '4 3 MapIterationStarted',
    '5 4 ChoiceStateEntered',
    '6 5 ChoiceStateExited',
    '7 6 WaitStateEntered',
    '8 7 MapIterationStarted',
    '9 8 ChoiceStateEntered',
    '10 9 ChoiceStateExited',
    '11 10 FailStateEntered',
    '12 11 MapIterationFailed',
    '13 11 WaitStateAborted',
    '14 11 MapIterationAborted',
    '15 11 MapStateFailed',
    '16 15 ExecutionFailed',
  ]);
  assert.deepEqual(details(events[13]!), { index: 0, name: 'M' });
});

test('Parallel: branches start from ParallelStateStarted; success points at the last branch event', async () => {
  const branch = (name: string, n: number) => ({
    StartAt: name,
    States: { [name]: { Type: 'Pass', Result: { branch: n }, End: true } },
  });
  const def = {
    StartAt: 'StartState',
    States: { StartState: { Type: 'Parallel', Branches: [0, 1, 2, 3].map((n) => branch(`Branch${n}`, n)), End: true } },
  };
  const { events, output } = await run(f.sfn, def);
  const s = sequence(events);
  assert.deepEqual(s.slice(0, 3), ['1 0 ExecutionStarted', '2 0 ParallelStateEntered', '3 2 ParallelStateStarted']);
  assert.deepEqual(s.slice(-3), [
    '12 11 ParallelStateSucceeded',
    '13 11 ParallelStateExited',
    '14 13 ExecutionSucceeded',
  ]);
  const branchStarts = events.filter((e) => e.type === 'PassStateEntered').map((e) => e.previousEventId);
  assert.deepEqual(branchStarts, [3, 3, 3, 3]);
  assert.deepEqual(output, [{ branch: 0 }, { branch: 1 }, { branch: 2 }, { branch: 3 }]);
});

test('Parallel failure, Catch and Retry match AWS', async () => {
  const failing = {
    StartAt: 'Branch1',
    States: { Branch1: { Type: 'Fail', Error: 'FailureType', Cause: 'Cause description' } },
  };
  const failed = await run(f.sfn, {
    StartAt: 'ParallelState',
    States: { ParallelState: { Type: 'Parallel', Branches: [failing], End: true } },
  });
  assert.deepEqual(sequence(failed.events), [
    '1 0 ExecutionStarted',
    '2 0 ParallelStateEntered',
    '3 2 ParallelStateStarted',
    '4 3 FailStateEntered',
    '5 4 ParallelStateFailed',
    '6 5 ExecutionFailed',
  ]);
  assert.deepEqual(details(failed.events[5]!), { error: 'FailureType', cause: 'Cause description' });

  const caught = await run(f.sfn, {
    StartAt: 'ParallelState',
    States: {
      ParallelState: {
        Type: 'Parallel',
        Branches: [failing],
        Catch: [{ ErrorEquals: ['FailureType'], Next: 'FinalCaught' }],
        End: true,
      },
      FinalCaught: pass(),
    },
  });
  assert.deepEqual(sequence(caught.events).slice(4), [
    '5 4 ParallelStateFailed',
    '6 5 ParallelStateExited',
    '7 6 PassStateEntered',
    '8 7 PassStateExited',
    '9 8 ExecutionSucceeded',
  ]);
  assert.deepEqual(caught.output, { Error: 'FailureType', Cause: 'Cause description' });

  const retried = await run(f.sfn, {
    StartAt: 'ParallelState',
    States: {
      ParallelState: {
        Type: 'Parallel',
        Branches: [failing],
        Retry: [{ ErrorEquals: ['FailureType'], IntervalSeconds: 0, MaxAttempts: 2 }],
        End: true,
      },
    },
  });
  assert.deepEqual(sequence(retried.events), [
    '1 0 ExecutionStarted',
    '2 0 ParallelStateEntered',
    '3 2 ParallelStateStarted',
    '4 3 FailStateEntered',
    '5 4 ParallelStateStarted',
    '6 5 FailStateEntered',
    '7 6 ParallelStateStarted',
    '8 7 FailStateEntered',
    '9 8 ParallelStateFailed',
    '10 9 ExecutionFailed',
  ]);
});

test('Choice: the AWS docs scenario picks ValueInTwenties; no match without Default is States.NoChoiceMatched', async () => {
  const def = {
    StartAt: 'ChoiceStateX',
    States: {
      ChoiceStateX: {
        Type: 'Choice',
        Choices: [
          { Not: { Variable: '$.type', StringEquals: 'Private' }, Next: 'Public' },
          {
            And: [
              { Variable: '$.value', IsPresent: true },
              { Variable: '$.value', IsNumeric: true },
              { Variable: '$.value', NumericGreaterThanEquals: 20 },
              { Variable: '$.value', NumericLessThan: 30 },
            ],
            Next: 'ValueInTwenties',
          },
        ],
        Default: 'DefaultState',
      },
      Public: pass(),
      ValueInTwenties: pass(),
      DefaultState: { Type: 'Fail', Error: 'DefaultStateError', Cause: 'No Matches!' },
    },
  };
  const { events, output } = await run(f.sfn, def, { type: 'Private', value: 22 });
  assert.deepEqual(sequence(events), [
    '1 0 ExecutionStarted',
    '2 0 ChoiceStateEntered',
    '3 2 ChoiceStateExited',
    '4 3 PassStateEntered',
    '5 4 PassStateExited',
    '6 5 ExecutionSucceeded',
  ]);
  assert.equal(details(events[3]!).name, 'ValueInTwenties');
  assert.deepEqual(output, { type: 'Private', value: 22 });

  const operators = {
    StartAt: 'C',
    States: {
      C: {
        Type: 'Choice',
        Choices: [
          {
            And: [
              { Variable: '$.s', StringMatches: 'log-*.txt' },
              { Variable: '$.t', TimestampLessThanPath: '$.limit' },
              { Variable: '$.b', BooleanEquals: true },
              { Variable: '$.n', IsNull: true },
            ],
            Next: 'Yes',
          },
        ],
      },
      Yes: pass(),
    },
  };
  const yes = await run(f.sfn, operators, {
    s: 'log-2024.txt',
    t: '2024-01-01T00:00:00Z',
    limit: '2025-01-01T00:00:00Z',
    b: true,
    n: null,
  });
  assert.equal(yes.execution.status, 'SUCCEEDED');
  const no = await run(f.sfn, operators, {
    s: 'other',
    t: '2024-01-01T00:00:00Z',
    limit: '2025-01-01T00:00:00Z',
    b: true,
    n: null,
  });
  assert.equal(no.execution.status, 'FAILED');
  assert.equal(no.execution.error, 'States.NoChoiceMatched');
});

test('Fail: Error/Cause, ErrorPath/CausePath with an intrinsic, and an empty Fail', async () => {
  const plain = await run(f.sfn, {
    StartAt: 'FailState',
    States: {
      FailState: { Type: 'Fail', Error: 'SomeFailure', Cause: "This state machines raises a 'SomeFailure' failure." },
    },
  });
  assert.deepEqual(sequence(plain.events), ['1 0 ExecutionStarted', '2 0 FailStateEntered', '3 2 ExecutionFailed']);
  assert.deepEqual(details(plain.events[2]!), {
    error: 'SomeFailure',
    cause: "This state machines raises a 'SomeFailure' failure.",
  });

  const paths = await run(
    f.sfn,
    {
      StartAt: 'FailState',
      States: {
        FailState: {
          Type: 'Fail',
          ErrorPath: '$.Error',
          CausePath: "States.Format('This is a custom error message for {}, caused by {}.', $.Error, $.Cause)",
        },
      },
    },
    { Error: 'error string', Cause: 'cause string' },
  );
  assert.deepEqual(details(paths.events[2]!), {
    error: 'error string',
    cause: 'This is a custom error message for error string, caused by cause string.',
  });

  const empty = await run(f.sfn, { StartAt: 'FailState', States: { FailState: { Type: 'Fail' } } });
  assert.deepEqual(details(empty.events[2]!), {});
  assert.equal(empty.execution.status, 'FAILED');
});

test('Wait by Seconds, SecondsPath, Timestamp and TimestampPath; Succeed ends early', async () => {
  const def = {
    StartAt: 'W1',
    States: {
      W1: { Type: 'Wait', Seconds: 0, Next: 'W2' },
      W2: { Type: 'Wait', SecondsPath: '$.delay', Next: 'W3' },
      W3: { Type: 'Wait', Timestamp: '2020-01-01T00:00:00Z', Next: 'W4' },
      W4: { Type: 'Wait', TimestampPath: '$.at', Next: 'Done' },
      Done: { Type: 'Succeed', OutputPath: '$.delay' },
    },
  };
  const at = new Date(Date.now() + 200).toISOString();
  const { events, output } = await run(f.sfn, def, { delay: 0, at });
  assert.deepEqual(
    events.map((e) => e.type),
    [
      'ExecutionStarted',
      'WaitStateEntered',
      'WaitStateExited',
      'WaitStateEntered',
      'WaitStateExited',
      'WaitStateEntered',
      'WaitStateExited',
      'WaitStateEntered',
      'WaitStateExited',
      'SucceedStateEntered',
      'SucceedStateExited',
      'ExecutionSucceeded',
    ],
  );
  // The TimestampPath wait really waited until `at`.
  assert.ok(events[8]!.timestamp!.getTime() >= Date.parse(at) - 5);
  assert.equal(output, 0);

  const bad = await run(f.sfn, { StartAt: 'W', States: { W: { Type: 'Wait', SecondsPath: '$.missing', End: true } } });
  assert.equal(bad.execution.error, 'States.Runtime');
});

test('a time-scale tag makes a long Wait short', async () => {
  const started = Date.now();
  const { execution } = await run(
    f.sfn,
    { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 30, End: true } } },
    {},
    { tags: [{ key: 'hoc:time-scale', value: '0.001' }] },
  );
  assert.equal(execution.status, 'SUCCEEDED');
  assert.ok(Date.now() - started < 10_000);
});

test('a state output over 256 KiB fails the execution with States.DataLimitExceeded', async () => {
  const def = {
    StartAt: 'Big',
    States: {
      Big: {
        Type: 'Pass',
        Parameters: {
          'parts.$': 'States.ArrayRange(1, 1000, 1)',
          'text.$': "States.Format('{}{}{}{}', $.s, $.s, $.s, $.s)",
        },
        End: true,
      },
    },
  };
  const { execution } = await run(f.sfn, def, { s: 'x'.repeat(70_000) });
  assert.equal(execution.status, 'FAILED');
  assert.equal(execution.error, 'States.DataLimitExceeded');
});

test('an endless loop stops at 25,000 history events while the cloud keeps answering', async () => {
  const def = {
    StartAt: 'A',
    States: {
      A: { Type: 'Pass', Next: 'B' },
      B: { Type: 'Choice', Choices: [{ Variable: '$.stop', IsPresent: true, Next: 'End' }], Default: 'A' },
      End: { Type: 'Succeed' },
    },
  };
  const stateMachineArn = await createMachine(f.sfn, def);
  const { executionArn } = await f.sfn.send(new StartExecutionCommand({ stateMachineArn }));
  // The server answers while the loop runs.
  const d = await f.sfn.send(new DescribeExecutionCommand({ executionArn }));
  assert.ok(d.status === 'RUNNING' || d.status === 'FAILED');
  const done = await waitForStop(f.sfn, executionArn!, 120_000);
  assert.equal(done.status, 'FAILED');
  assert.equal(done.error, 'States.Runtime');
  assert.match(done.cause!, /maximum number of history events \(25000\)/);
  const last = await f.sfn.send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: 1 }));
  assert.equal(last.events![0]!.type, 'ExecutionFailed');
  assert.equal(last.events![0]!.id, 25_000);
});

test('JSONPath I/O: InputPath, Parameters with .$ and $$, ResultPath into a nested field, OutputPath', async () => {
  const def = {
    StartAt: 'P',
    States: {
      P: {
        Type: 'Pass',
        InputPath: '$.payload',
        Parameters: {
          'first.$': '$.items[0]',
          'exec.$': '$$.Execution.Name',
          'state.$': '$$.State.Name',
          fixed: 'x',
          nested: { 'all.$': '$.items[*]' },
        },
        ResultPath: '$.result.inner',
        OutputPath: '$.result',
        End: true,
      },
    },
  };
  const { output, execution } = await run(f.sfn, def, { payload: { items: [7, 8] } });
  assert.deepEqual(output, {
    inner: { first: 7, exec: execution.name, state: 'P', fixed: 'x', nested: { all: [7, 8] } },
  });

  const missing = await run(f.sfn, {
    StartAt: 'P',
    States: { P: { Type: 'Pass', Parameters: { 'x.$': '$.nope' }, End: true } },
  });
  assert.equal(missing.execution.status, 'FAILED');
  assert.equal(missing.execution.error, 'States.Runtime');
  assert.match(missing.execution.cause!, /\$\.nope/);
});
