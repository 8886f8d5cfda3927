// Parallel: runs every branch on the same input; the result is the array of branch outputs.
// A failing branch stops the others and fails the state (Retry/Catch apply to the whole).
import type { Json } from '../jsonPath';
import type { GraphRunner, StepResult } from '../runner';
import { effectiveInput, jsonataArguments, type StateEnv } from '../stateIo';
import { ExecutionAborted, asStatesError } from '../statesError';
import { runChildren } from './children';
import { runWithRetries } from './retrying';

export async function runParallel(env: StateEnv, graph: GraphRunner): Promise<StepResult> {
  const input = env.language === 'JSONata' ? await jsonataArguments(env) : effectiveInput(env);
  return runWithRetries(env, () => attempt(env, graph, input), 'ParallelStateFailed');
}

async function attempt(env: StateEnv, graph: GraphRunner, input: Json): Promise<Json[]> {
  const { thread } = env;
  const branches = env.state.Branches ?? [];
  const started = thread.emit('ParallelStateStarted');
  let latest = started;
  const results: Json[] = new Array<Json>(branches.length).fill(null);

  await runChildren(thread, branches.length, branches.length, async (i, hooks, children) => {
    const branch = thread.child(started, { ...hooks, onEmit: (id) => (latest = id) });
    const frame = { variables: { ...env.frame.variables } };
    try {
      results[i] = await graph.run(branches[i]!, structuredClone(input), branch, frame, env.language);
    } catch (e) {
      if (e instanceof ExecutionAborted && !thread.signal.aborted) return; // stopped by a sibling's failure
      if (e instanceof ExecutionAborted) throw e;
      // The other branches are aborted; their events and ParallelStateFailed point at this branch's last event.
      children.fail(asStatesError(e), branch.cursor);
    }
  });
  thread.cursor = latest;
  thread.side('ParallelStateSucceeded');
  return results;
}
