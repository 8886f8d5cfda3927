// Retry and Catch matching and back-off arithmetic (pure functions of the interpreter).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RetryPolicy, errorMatches, findCatcher } from '../../../src/localcloud/stepfunctions/interpreter/retryCatch';

test('error matching: exact names, States.ALL, States.TaskFailed and the terminal States.Runtime', () => {
  assert.equal(errorMatches(['CustomError'], 'CustomError'), true);
  assert.equal(errorMatches(['CustomError'], 'Other'), false);
  assert.equal(errorMatches(['States.ALL'], 'Lambda.ServiceException'), true);
  assert.equal(errorMatches(['States.ALL'], 'States.Runtime'), false);
  assert.equal(errorMatches(['States.TaskFailed'], 'CustomError'), true);
  assert.equal(errorMatches(['States.TaskFailed'], 'States.Timeout'), false);
  assert.equal(errorMatches(['States.Timeout'], 'States.HeartbeatTimeout'), true);
  assert.equal(
    findCatcher(
      [
        { ErrorEquals: ['A'], Next: 'x' },
        { ErrorEquals: ['States.ALL'], Next: 'y' },
      ],
      'B',
    )!.Next,
    'y',
  );
});

test('back-off: IntervalSeconds × BackoffRate^attempt, capped by MaxDelaySeconds; attempts per retrier', () => {
  const p = new RetryPolicy([
    { ErrorEquals: ['A'], IntervalSeconds: 2, BackoffRate: 3, MaxAttempts: 4, MaxDelaySeconds: 10 },
    { ErrorEquals: ['States.ALL'], MaxAttempts: 1 },
  ]);
  assert.deepEqual(
    [p.nextDelay('A'), p.nextDelay('A'), p.nextDelay('A'), p.nextDelay('A'), p.nextDelay('A')],
    [2, 6, 10, 10, undefined],
  );
  // Defaults: 1 s, rate 2, 3 attempts — for the second retrier only one attempt.
  assert.equal(p.nextDelay('B'), 1);
  assert.equal(p.nextDelay('B'), undefined);
  assert.equal(new RetryPolicy([{ ErrorEquals: ['A'] }]).nextDelay('A'), 1);
  assert.equal(new RetryPolicy([{ ErrorEquals: ['A'], MaxAttempts: 0 }]).nextDelay('A'), undefined);
});

test('JitterStrategy FULL picks a delay between 0 and the computed one', () => {
  const delays = new Set<number>();
  for (let i = 0; i < 50; i++) {
    const d = new RetryPolicy([{ ErrorEquals: ['A'], IntervalSeconds: 4, JitterStrategy: 'FULL' }]).nextDelay('A')!;
    assert.ok(d >= 0 && d <= 4, String(d));
    delays.add(d);
  }
  // Jitter that is ignored would give 4 every time.
  assert.ok(delays.size > 1 && [...delays].some((d) => d < 4), `50 jittered delays were all ${[...delays].join(',')}`);
  const none = new RetryPolicy([{ ErrorEquals: ['A'], IntervalSeconds: 4, JitterStrategy: 'NONE' }]);
  assert.equal(none.nextDelay('A'), 4);
});
