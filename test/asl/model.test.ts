// The pure ASL model: parsing into nested graphs with path ids, the layout graph, and the
// history overlay the graph view colours states with.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AslParseError, overlayHistory, parseDefinition, toGraph, type HistoryEventLike } from '../../src/asl';

const definition = {
  Comment: 'images',
  StartAt: 'Resize',
  States: {
    Resize: {
      Type: 'Task',
      Resource: 'arn:aws:lambda:us-east-1:000000000000:function:resize',
      Retry: [{ ErrorEquals: ['States.ALL'] }],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }],
      Next: 'Check',
    },
    Check: {
      Type: 'Choice',
      Choices: [
        { Variable: '$.size', NumericGreaterThan: 100, Next: 'Fan/Out' },
        { Not: { Variable: '$.ok', IsPresent: true }, Next: 'Failed' },
      ],
      Default: 'Done',
    },
    'Fan/Out': {
      Type: 'Parallel',
      Branches: [
        {
          StartAt: 'Thumb',
          States: { Thumb: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } },
        },
        {
          StartAt: 'Each',
          States: {
            Each: {
              Type: 'Map',
              ItemProcessor: { StartAt: 'Tag', States: { Tag: { Type: 'Pass', End: true } } },
              End: true,
            },
          },
        },
      ],
      Next: 'Done',
    },
    Done: { Type: 'Succeed' },
    Failed: { Type: 'Fail', Error: 'E' },
  },
};

test('parseDefinition: kinds, transitions, nesting and path ids', () => {
  const model = parseDefinition(JSON.stringify(definition));
  assert.equal(model.queryLanguage, 'JSONPath');
  assert.deepEqual(
    model.root.states.map((s) => s.id),
    ['Resize', 'Check', 'Fan~1Out', 'Done', 'Failed'],
  );
  const resize = model.byId.get('Resize')!;
  assert.equal(resize.retries, true);
  assert.deepEqual(
    resize.transitions.map((t) => [t.kind, t.targetId, t.label]),
    [
      ['next', 'Check', undefined],
      ['catch', 'Failed', 'States.ALL'],
    ],
  );
  const check = model.byId.get('Check')!;
  assert.deepEqual(
    check.transitions.map((t) => [t.kind, t.target, t.label]),
    [
      ['choice', 'Fan/Out', '$.size > 100'],
      ['choice', 'Failed', 'not ($.ok is present)'],
      ['default', 'Done', 'Default'],
    ],
  );
  const fan = model.byId.get('Fan~1Out')!;
  assert.deepEqual(
    fan.children.map((c) => c.id),
    ['Fan~1Out/0', 'Fan~1Out/1'],
  );
  assert.equal(model.byId.get('Fan~1Out/1/Each/items/Tag')!.kind, 'Pass');
  assert.equal(model.idByName.get('Tag'), 'Fan~1Out/1/Each/items/Tag');
  assert.equal(model.byId.get('Done')!.terminal, true);
  assert.throws(() => parseDefinition('{'), AslParseError);
  assert.throws(() => parseDefinition({ StartAt: 'A', States: { A: { Type: 'Nope' } } }), /unknown Type 'Nope'/);
});

test('toGraph: nodes, edges and groups with unique ids', () => {
  const g = toGraph(definition);
  const ids = g.nodes.map((n) => n.id);
  assert.equal(new Set(ids).size, ids.length);
  assert.deepEqual(
    g.groups.map((x) => [x.id, x.kind, x.ownerId, x.parentGroupId]),
    [
      ['Fan~1Out/0', 'branch', 'Fan~1Out', undefined],
      ['Fan~1Out/1', 'branch', 'Fan~1Out', undefined],
      ['Fan~1Out/1/Each/items', 'items', 'Fan~1Out/1/Each', 'Fan~1Out/1'],
    ],
  );
  assert.equal(g.nodes.find((n) => n.id === 'Fan~1Out/1/Each/items/Tag')!.groupId, 'Fan~1Out/1/Each/items');
  assert.ok(g.edges.some((e) => e.source === '#start' && e.target === 'Resize' && e.kind === 'start'));
  assert.ok(g.edges.some((e) => e.source === 'Done' && e.target === '#end' && e.kind === 'end'));
  assert.ok(g.edges.some((e) => e.source === 'Fan~1Out/0#start' && e.target === 'Fan~1Out/0/Thumb'));
  assert.equal(g.nodes.find((n) => n.id === 'Resize')!.detail, 'λ resize');
  assert.equal(g.nodes.find((n) => n.id === 'Fan~1Out/0/Thumb')!.detail, 'lambda:invoke');
  assert.equal(new Set(g.edges.map((e) => e.id)).size, g.edges.length);
});

test('overlayHistory: succeeded, caught after retries, failed, and the outcome', () => {
  const ev = (id: number, type: string, name?: string, extra: Record<string, unknown> = {}): HistoryEventLike => ({
    id,
    previousEventId: id - 1,
    type,
    ...(name && type.endsWith('Entered') ? { stateEnteredEventDetails: { name, input: '{}' } } : {}),
    ...(name && type.endsWith('Exited') ? { stateExitedEventDetails: { name, output: '{}' } } : {}),
    ...extra,
  });
  const events = [
    ev(1, 'ExecutionStarted'),
    ev(2, 'TaskStateEntered', 'Resize'),
    ev(3, 'LambdaFunctionScheduled'),
    ev(4, 'LambdaFunctionFailed', undefined, { lambdaFunctionFailedEventDetails: { error: 'Boom' } }),
    ev(5, 'LambdaFunctionScheduled'),
    ev(6, 'LambdaFunctionFailed', undefined, { lambdaFunctionFailedEventDetails: { error: 'Boom', cause: 'x' } }),
    ev(7, 'TaskStateExited', 'Resize'),
    ev(8, 'FailStateEntered', 'Failed'),
    ev(9, 'ExecutionFailed'),
  ];
  const o = overlayHistory(definition, events);
  assert.equal(o.outcome, 'failed');
  assert.equal(o.states.get('Resize')!.status, 'caught');
  assert.equal(o.states.get('Resize')!.error, 'Boom');
  assert.equal(o.states.get('Failed')!.status, 'failed');
  assert.equal(o.states.has('Check'), false);

  const retriedOk = overlayHistory(definition, [
    ev(1, 'ExecutionStarted'),
    ev(2, 'TaskStateEntered', 'Resize'),
    ev(3, 'LambdaFunctionFailed'),
    ev(4, 'LambdaFunctionScheduled'),
    ev(5, 'LambdaFunctionSucceeded'),
    ev(6, 'TaskStateExited', 'Resize'),
  ]);
  assert.equal(retriedOk.states.get('Resize')!.status, 'succeeded');
  assert.equal(retriedOk.outcome, 'running');
  assert.deepEqual(overlayHistory(definition, [ev(1, 'PassStateEntered', 'Ghost')]).unknownNames, ['Ghost']);
});

test('overlayHistory: a state aborted by a failing sibling', () => {
  const def = {
    StartAt: 'P',
    States: {
      P: {
        Type: 'Parallel',
        End: true,
        Branches: [
          { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 9, End: true } } },
          { StartAt: 'F', States: { F: { Type: 'Fail', Error: 'E' } } },
        ],
      },
    },
  };
  const entered = (id: number, type: string, name: string): HistoryEventLike => ({
    id,
    type,
    stateEnteredEventDetails: { name },
  });
  const o = overlayHistory(def, [
    { id: 1, type: 'ExecutionStarted' },
    entered(2, 'ParallelStateEntered', 'P'),
    { id: 3, type: 'ParallelStateStarted' },
    entered(4, 'WaitStateEntered', 'W'),
    entered(5, 'FailStateEntered', 'F'),
    { id: 6, previousEventId: 5, type: 'WaitStateAborted' },
    { id: 7, type: 'ParallelStateFailed' },
    { id: 8, type: 'ExecutionFailed' },
  ]);
  assert.equal(o.states.get('P/0/W')!.status, 'aborted');
  assert.equal(o.states.get('P/1/F')!.status, 'failed');
  assert.equal(o.states.get('P')!.status, 'failed');
});
