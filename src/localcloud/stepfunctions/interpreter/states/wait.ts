// Wait: for Seconds/SecondsPath or until Timestamp/TimestampPath (or their JSONata forms),
// scaled by the execution's time scale so labs need not wait minutes.
import { evaluateTemplate, isJsonataExpression } from '../jsonataEval';
import { requirePath } from '../jsonPath';
import { nextOf, type StepResult } from '../runner';
import { finishState, jsonataScope, pathScope, type StateEnv } from '../stateIo';
import { StatesError, runtimeError } from '../statesError';
import { parseTimestamp } from './choice';

export async function runWait(env: StateEnv): Promise<StepResult> {
  const seconds = await waitSeconds(env);
  await env.thread.sleep(seconds);
  const outcome = await finishState(env, env.input, { hasResult: false });
  return { ...outcome, next: nextOf(env.state) };
}

async function waitSeconds(env: StateEnv): Promise<number> {
  const s = env.state;
  let seconds: unknown;
  let timestamp: unknown;
  if (isJsonataExpression(s.Seconds)) seconds = await evaluateTemplate(s.Seconds, jsonataScope(env), 'Seconds');
  else if (s.Seconds !== undefined) seconds = s.Seconds;
  else if (typeof s.SecondsPath === 'string')
    seconds = requirePath(s.SecondsPath, pathScope(env, env.input), 'SecondsPath');
  if (isJsonataExpression(s.Timestamp)) timestamp = await evaluateTemplate(s.Timestamp, jsonataScope(env), 'Timestamp');
  else if (s.Timestamp !== undefined) timestamp = s.Timestamp;
  else if (typeof s.TimestampPath === 'string')
    timestamp = requirePath(s.TimestampPath, pathScope(env, env.input), 'TimestampPath');

  if (seconds !== undefined) {
    if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
      throw new StatesError(
        env.language === 'JSONata' ? 'States.QueryEvaluationError' : 'States.Runtime',
        `The Wait state's seconds must be a non-negative integer, not ${JSON.stringify(seconds)}.`,
      );
    }
    return seconds;
  }
  if (timestamp !== undefined) {
    const at = typeof timestamp === 'string' ? parseTimestamp(timestamp) : undefined;
    if (at === undefined) {
      throw new StatesError(
        env.language === 'JSONata' ? 'States.QueryEvaluationError' : 'States.Runtime',
        `The Wait state's timestamp must be an ISO-8601 date-time such as 2016-03-14T01:59:00Z, not ${JSON.stringify(timestamp)}.`,
      );
    }
    return Math.max(0, (at - Date.now()) / 1000);
  }
  throw runtimeError('A Wait state needs Seconds, SecondsPath, Timestamp or TimestampPath.');
}
