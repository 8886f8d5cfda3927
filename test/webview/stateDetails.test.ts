// Execution history (shaped as GetExecutionHistory returns it) → the status, timing, input,
// output and error the graph view shows for each state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDefinition } from '../../src/asl';
import { executionView, statusOf } from '../../src/webview/graph/stateDetails';
import type { WireHistoryEvent } from '../../src/shared/webviewProtocolGraph';

const model = parseDefinition({
  StartAt: 'Check',
  States: {
    Check: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Next: 'Fan' },
    Fan: {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'Resize', States: { Resize: { Type: 'Pass', End: true } } },
        { StartAt: 'Grey', States: { Grey: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } } },
      ],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Recover' }],
      Next: 'Publish',
    },
    Publish: { Type: 'Pass', End: true },
    Recover: { Type: 'Pass', End: true },
  },
});

let nextId = 0;
function ev(
  type: string,
  timestamp: number,
  previousEventId: number | undefined,
  details?: Record<string, unknown>,
): WireHistoryEvent {
  const id = ++nextId;
  const key = type.endsWith('StateEntered')
    ? 'stateEnteredEventDetails'
    : type.endsWith('StateExited')
      ? 'stateExitedEventDetails'
      : `${type[0].toLowerCase()}${type.slice(1)}EventDetails`;
  return { id, previousEventId, type, timestamp, ...(details ? { [key]: details } : {}) };
}

/** Check succeeds; in Fan, Resize succeeds and Grey fails; Fan's Catch sends it to Recover. */
function caughtRun(): WireHistoryEvent[] {
  nextId = 0;
  return [
    ev('ExecutionStarted', 1000, undefined, { input: '{}' }),
    ev('TaskStateEntered', 1000, 1, { name: 'Check', input: '{"key":"a.jpg"}' }),
    ev('TaskScheduled', 1001, 2, { resource: 'invoke' }),
    ev('TaskStarted', 1002, 3, {}),
    ev('TaskSucceeded', 1240, 4, { output: '{"ok":true}' }),
    ev('TaskStateExited', 1250, 5, { name: 'Check', output: '{"ok":true}' }),
    ev('ParallelStateEntered', 1250, 6, { name: 'Fan', input: '{"ok":true}' }),
    ev('ParallelStateStarted', 1251, 7),
    ev('PassStateEntered', 1260, 8, { name: 'Resize', input: '{}' }),
    ev('PassStateExited', 1270, 9, { name: 'Resize', output: '{"w":100}' }),
    ev('TaskStateEntered', 1260, 8, { name: 'Grey', input: '{}' }),
    ev('TaskScheduled', 1261, 11, { resource: 'invoke' }),
    ev('TaskFailed', 1300, 12, { error: 'Boom', cause: 'grey failed' }),
    ev('ParallelStateFailed', 1305, 13, { error: 'Boom', cause: 'grey failed' }),
    ev('ParallelStateExited', 1310, 14, { name: 'Fan', output: '{"Error":"Boom"}' }),
    ev('PassStateEntered', 1310, 15, { name: 'Recover', input: '{"Error":"Boom"}' }),
    ev('PassStateExited', 1311, 16, { name: 'Recover', output: '{}' }),
    ev('ExecutionSucceeded', 1312, 17, { output: '{}' }),
  ];
}

test('a finished execution: succeeded, failed, caught and not reached states with timing', () => {
  const view = executionView(model, caughtRun(), 99_999);
  assert.equal(view.outcome, 'succeeded');
  const check = view.states.get('Check')!;
  assert.equal(check.status, 'succeeded');
  assert.equal(check.durationMs, 250);
  assert.equal(check.input, '{"key":"a.jpg"}');
  assert.equal(check.output, '{"ok":true}');
  const grey = view.states.get(model.idByName.get('Grey')!)!;
  assert.equal(grey.status, 'failed');
  assert.equal(grey.error, 'Boom');
  assert.equal(grey.cause, 'grey failed');
  assert.equal(grey.exitedAt, undefined);
  assert.equal(statusOf(view, model.idByName.get('Resize')!), 'succeeded');
  assert.equal(statusOf(view, 'Fan'), 'caught');
  assert.equal(view.states.get('Fan')!.durationMs, 60);
  assert.equal(statusOf(view, 'Recover'), 'succeeded');
  assert.equal(statusOf(view, 'Publish'), 'notReached');
});

test('a running execution: the open state runs, its duration counts up to now', () => {
  const events = caughtRun().slice(0, 4);
  const view = executionView(model, events, 1500);
  assert.equal(view.outcome, 'running');
  const check = view.states.get('Check')!;
  assert.equal(check.status, 'running');
  assert.equal(check.durationMs, 500);
  assert.equal(check.output, undefined);
  assert.equal(statusOf(view, 'Fan'), 'notReached');
});

test('an execution that failed leaves the open state failed', () => {
  nextId = 0;
  const events = [
    ev('ExecutionStarted', 0, undefined, { input: '{}' }),
    ev('TaskStateEntered', 10, 1, { name: 'Check', input: '{}' }),
    ev('TaskScheduled', 11, 2, {}),
    ev('TaskFailed', 50, 3, { error: 'Lambda.Unknown', cause: 'crash' }),
    ev('ExecutionFailed', 51, 4, { error: 'Lambda.Unknown', cause: 'crash' }),
  ];
  const view = executionView(model, events, 10_000);
  assert.equal(view.outcome, 'failed');
  const check = view.states.get('Check')!;
  assert.equal(check.status, 'failed');
  assert.equal(check.error, 'Lambda.Unknown');
  // A failed state does not keep counting: it has no exit and is not running.
  assert.equal(check.durationMs, undefined);
});

test('a state entered again (a loop or a Map) shows its last run and how often it ran', () => {
  nextId = 0;
  const events = [
    ev('ExecutionStarted', 0, undefined, {}),
    ev('TaskStateEntered', 0, 1, { name: 'Check', input: '1' }),
    ev('TaskStateExited', 10, 2, { name: 'Check', output: 'a' }),
    ev('TaskStateEntered', 20, 3, { name: 'Check', input: '2' }),
    ev('TaskStateExited', 45, 4, { name: 'Check', output: 'b' }),
  ];
  const check = executionView(model, events, 100).states.get('Check')!;
  assert.equal(check.entered, 2);
  assert.equal(check.input, '2');
  assert.equal(check.output, 'b');
  assert.equal(check.durationMs, 25);
});

test('history events of states the definition lacks are reported, not fatal', () => {
  nextId = 0;
  const events = [
    ev('ExecutionStarted', 0, undefined, {}),
    ev('PassStateEntered', 1, 1, { name: 'Renamed', input: '{}' }),
  ];
  assert.deepEqual(executionView(model, events, 5).unknownNames, ['Renamed']);
});
