// Retry and Catch: which retrier or catcher matches an error, and how long to wait before the
// next attempt (IntervalSeconds × BackoffRate^attempt, capped by MaxDelaySeconds, with jitter).
import type { AslCatcher, AslRetrier } from '../../../asl/types';
import { evaluateTemplate } from './jsonataEval';
import { applyResultPath, type Json } from './jsonPath';
import { applyTemplate } from './payload';
import { jsonataScope, pathScope, type StateEnv, type StateOutcome } from './stateIo';
import type { StatesError } from './statesError';

/** Errors no wildcard catches: the execution cannot go on safely after them. */
const TERMINAL = new Set(['States.Runtime', 'States.DataLimitExceeded']);

export function errorMatches(errorEquals: readonly string[], error: string): boolean {
  for (const name of errorEquals) {
    if (name === error) return true;
    if (name === 'States.ALL' && !TERMINAL.has(error)) return true;
    if (
      name === 'States.TaskFailed' &&
      error !== 'States.Timeout' &&
      error !== 'States.HeartbeatTimeout' &&
      !TERMINAL.has(error)
    )
      return true;
    if (name === 'States.Timeout' && error === 'States.HeartbeatTimeout') return true;
  }
  return false;
}

/** Tracks attempts per retrier across one state entry. */
export class RetryPolicy {
  private readonly attempts: number[];
  constructor(private readonly retriers: readonly AslRetrier[] = []) {
    this.attempts = retriers.map(() => 0);
  }

  /** Seconds to wait before retrying `error`, or undefined when it must not be retried. */
  nextDelay(error: string): number | undefined {
    const i = this.retriers.findIndex((r) => Array.isArray(r.ErrorEquals) && errorMatches(r.ErrorEquals, error));
    if (i < 0) return undefined;
    const r = this.retriers[i]!;
    const max = r.MaxAttempts ?? 3;
    const attempt = this.attempts[i]!;
    if (attempt >= max) return undefined;
    this.attempts[i] = attempt + 1;
    let delay = (r.IntervalSeconds ?? 1) * Math.pow(r.BackoffRate ?? 2, attempt);
    if (r.MaxDelaySeconds !== undefined) delay = Math.min(delay, r.MaxDelaySeconds);
    if (r.JitterStrategy === 'FULL') delay = Math.random() * delay;
    return delay;
  }

  get totalAttempts(): number {
    return this.attempts.reduce((a, b) => a + b, 0);
  }
}

export function findCatcher(catchers: readonly AslCatcher[] | undefined, error: string): AslCatcher | undefined {
  return (catchers ?? []).find((c) => Array.isArray(c.ErrorEquals) && errorMatches(c.ErrorEquals, error));
}

/** The output a catcher hands to its Next state. */
export async function caughtOutput(env: StateEnv, catcher: AslCatcher, err: StatesError): Promise<StateOutcome> {
  const errorOutput = err.toOutput() as Json;
  if (env.language === 'JSONata') {
    const scope = jsonataScope(env, { errorOutput });
    const assigned = catcher.Assign
      ? ((await evaluateTemplate(catcher.Assign, scope, 'Assign')) as Record<string, Json>)
      : undefined;
    const output = catcher.Output !== undefined ? await evaluateTemplate(catcher.Output, scope, 'Output') : errorOutput;
    if (assigned) Object.assign(env.frame.variables, assigned);
    return { output, assigned };
  }
  const assigned = catcher.Assign
    ? (applyTemplate(catcher.Assign, pathScope(env, errorOutput), 'Assign') as Record<string, Json>)
    : undefined;
  const output = applyResultPath(env.input, catcher.ResultPath === undefined ? '$' : catcher.ResultPath, errorOutput);
  if (assigned) Object.assign(env.frame.variables, assigned);
  return { output, assigned };
}
