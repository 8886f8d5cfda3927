// Map iterations and Parallel branches: child chains run side by side in a pool, under one
// abort signal. The first child to fail the state aborts the others; once all have stopped,
// the state fails with that error, its history continuing from the failing child's last event.
import { runPool } from '../pool';
import type { Thread } from '../runtime';
import { childSignal } from '../signals';
import type { StatesError } from '../statesError';

/** What each child's chain is created with: `thread.child(start, { ...hooks, onEmit })`. */
export interface ChildHooks {
  onBlock: () => void;
  signal: AbortSignal;
}

export interface Children {
  /** The error that fails the state, once a child has failed it. */
  readonly failure: StatesError | undefined;
  /** The failing child's last event, which the aborted siblings' events point at. */
  readonly failedAt: number;
  /** Fails the state with `error` at event `at` (unless a sibling did first) and aborts the others. */
  fail(error: StatesError, at: number): void;
}

/** Runs `job` for children 0..count-1, at most `concurrency` at once; throws the state's failure. */
export async function runChildren(
  thread: Thread,
  count: number,
  concurrency: number,
  job: (index: number, hooks: ChildHooks, children: Children) => Promise<void>,
): Promise<void> {
  const { controller: stop, signal } = childSignal(thread.signal);
  let failure: StatesError | undefined;
  let failedAt = 0;
  const children: Children = {
    get failure() {
      return failure;
    },
    get failedAt() {
      return failedAt;
    },
    fail(error, at) {
      if (failure) return;
      failure = error;
      failedAt = at;
      stop.abort(at);
    },
  };
  await runPool(
    count,
    concurrency,
    (index, onBlock) => job(index, { onBlock, signal }, children),
    () => failure !== undefined || thread.signal.aborted,
  );
  thread.checkAborted();
  if (failure) {
    thread.cursor = failedAt;
    throw failure;
  }
}
