// Task, Map and Parallel share one loop: run an attempt, retry it as the state's Retry rules
// say, and finish the state with the result (ResultSelector, ResultPath, OutputPath, Output).
import type { Json } from '../jsonPath';
import { RetryPolicy } from '../retryCatch';
import { nextOf, type StepResult } from '../runner';
import { finishState, type StateEnv } from '../stateIo';
import { asStatesError } from '../statesError';

/**
 * Runs `attempt` until it succeeds or no retrier takes its error. `failedEvent` (MapStateFailed,
 * ParallelStateFailed) is emitted before that last error is thrown, when the state has one.
 */
export async function runWithRetries(
  env: StateEnv,
  attempt: () => Promise<Json>,
  failedEvent?: string,
): Promise<StepResult> {
  const policy = new RetryPolicy(env.state.Retry);
  for (;;) {
    try {
      const result = await attempt();
      const outcome = await finishState(env, result, { hasResult: true, resultSelector: true });
      return { ...outcome, next: nextOf(env.state) };
    } catch (e) {
      const err = asStatesError(e);
      const delay = policy.nextDelay(err.error);
      if (delay === undefined) {
        if (failedEvent) env.thread.emit(failedEvent);
        throw err;
      }
      await env.thread.sleep(delay);
      env.retryCount++;
    }
  }
}
