// Parallel: runs every branch on the same input; the result is the array of branch outputs.
// A failing branch stops the others and fails the state (Retry/Catch apply to the whole).
import type { Json } from '../jsonPath';
import { runPool } from '../pool';
import { childSignal } from '../signals';
import { RetryPolicy } from '../retryCatch';
import { nextOf, type GraphRunner, type StepResult } from '../runner';
import { effectiveInput, finishState, jsonataArguments, type StateEnv } from '../stateIo';
import { ExecutionAborted, asStatesError, type StatesError } from '../statesError';

export async function runParallel(env: StateEnv, graph: GraphRunner): Promise<StepResult> {
  const input = env.language === 'JSONata' ? await jsonataArguments(env) : effectiveInput(env);
  const policy = new RetryPolicy(env.state.Retry);
  for (;;) {
    try {
      const result = await attempt(env, graph, input);
      const outcome = await finishState(env, result, { hasResult: true, resultSelector: true });
      return { ...outcome, next: nextOf(env.state) };
    } catch (e) {
      const err = asStatesError(e);
      const delay = policy.nextDelay(err.error);
      if (delay === undefined) {
        env.thread.emit('ParallelStateFailed');
        throw err;
      }
      await env.thread.sleep(delay);
      env.retryCount++;
    }
  }
}

async function attempt(env: StateEnv, graph: GraphRunner, input: Json): Promise<Json[]> {
  const { thread } = env;
  const branches = env.state.Branches ?? [];
  const started = thread.emit('ParallelStateStarted');
  let latest = started;
  const results: Json[] = new Array<Json>(branches.length).fill(null);
  const { controller: stop, signal } = childSignal(thread.signal);
  let failure: StatesError | undefined;
  let failedAt = 0;

  await runPool(
    branches.length,
    branches.length,
    async (i, onBlock) => {
      const branch = thread.child(started, { onEmit: (id) => (latest = id), onBlock, signal });
      const frame = { variables: { ...env.frame.variables } };
      try {
        results[i] = await graph.run(branches[i]!, structuredClone(input), branch, frame, env.language);
      } catch (e) {
        if (e instanceof ExecutionAborted && !thread.signal.aborted) return; // stopped by a sibling's failure
        if (e instanceof ExecutionAborted) throw e;
        if (failure) return;
        failure = asStatesError(e);
        // The other branches are aborted; their events and ParallelStateFailed point at this branch's last event.
        failedAt = branch.cursor;
        stop.abort(failedAt);
      }
    },
    () => failure !== undefined || thread.signal.aborted,
  );
  thread.checkAborted();
  if (failure) {
    thread.cursor = failedAt;
    throw failure;
  }
  thread.cursor = latest;
  thread.side('ParallelStateSucceeded');
  return results;
}
