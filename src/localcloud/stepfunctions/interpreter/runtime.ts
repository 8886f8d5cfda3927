// What a running execution carries: identity for the context object, the history sink, the
// integrations it may call, its abort signal and time scale. A Thread is one chain of history
// events (the execution, a Parallel branch, a Map iteration): each event's previousEventId is
// the last event of its own chain, as on AWS.
import type { Json } from './jsonPath';
import { ExecutionAborted } from './statesError';
import type { Integrations } from './integrations/types';

export interface HistorySink {
  /** Records one event and returns its id. */
  emit(type: string, previousEventId: number, details?: { key: string; value: Record<string, unknown> }): number;
}

export interface ExecutionIdentity {
  executionArn: string;
  name: string;
  stateMachineArn: string;
  stateMachineName: string;
  roleArn: string;
  startTime: Date;
  input: Json;
}

export interface ExecutionRuntime {
  readonly identity: ExecutionIdentity;
  readonly history: HistorySink;
  readonly integrations: Integrations;
  /** Aborted by StopExecution, the execution timeout, or the cloud stopping. */
  readonly signal: AbortSignal;
  /** Multiplies Wait durations and Retry intervals (1 = real time). */
  readonly timeScale: number;
  readonly region: string;
  readonly accountId: string;
  /** TestState's `mock`: Task states answer with this instead of calling the service. */
  readonly mockTask?: () => Promise<Json>;
}

export interface ThreadHooks {
  /** Told about every event this chain records (Map/Parallel track the latest of all). */
  onEmit?: (id: number) => void;
  /** Called when the chain waits on time or I/O, so the next sibling may start (see pool.ts). */
  onBlock?: () => void;
  /** Aborts this chain only (a sibling failed); the execution's own signal aborts every chain. */
  signal?: AbortSignal;
}

export class Thread {
  cursor: number;
  readonly signal: AbortSignal;
  constructor(
    readonly rt: ExecutionRuntime,
    cursor: number,
    private readonly hooks: ThreadHooks = {},
  ) {
    this.cursor = cursor;
    this.signal = hooks.signal ?? rt.signal;
  }

  /** Records an event that continues this chain. */
  emit(type: string, details?: { key: string; value: Record<string, unknown> }): number {
    this.checkAborted();
    const id = this.rt.history.emit(type, this.cursor, details);
    this.cursor = id;
    this.hooks.onEmit?.(id);
    return id;
  }

  /** Records an event that points at this chain but does not continue it (…Succeeded markers). */
  side(type: string, details?: { key: string; value: Record<string, unknown> }, previous = this.cursor): number {
    return this.rt.history.emit(type, previous, details);
  }

  /** A nested chain (a branch or an iteration) starting after event `cursor`. */
  child(cursor: number, hooks: ThreadHooks = {}): Thread {
    return new Thread(this.rt, cursor, {
      signal: hooks.signal ?? this.signal,
      onEmit: (id) => {
        hooks.onEmit?.(id);
        this.hooks.onEmit?.(id);
      },
      onBlock: () => {
        hooks.onBlock?.();
        this.hooks.onBlock?.();
      },
    });
  }

  /** Marks that the chain is about to wait on time or I/O, letting sibling chains start. */
  blocking(): void {
    this.hooks.onBlock?.();
  }

  checkAborted(): void {
    if (this.signal.aborted) throw new ExecutionAborted();
  }

  /** Sleeps `seconds` of workflow time (scaled), woken early by an abort. */
  async sleep(seconds: number): Promise<void> {
    this.blocking();
    const ms = Math.max(0, seconds * 1000 * this.rt.timeScale);
    await abortableDelay(ms, this.signal);
  }
}

export function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(new ExecutionAborted());
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new ExecutionAborted());
    };
    const timer = setTimeout(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.min(ms, 2_147_483_647),
    );
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Variables visible to a graph: inner scopes (Map iterations, branches) read outer ones. */
export interface Frame {
  variables: Record<string, Json>;
  /** For Map iterations: the item being processed. */
  mapItem?: { index: number; value: Json };
}

export function contextObject(
  rt: ExecutionRuntime,
  frame: Frame,
  state: { name: string; enteredTime: string; retryCount: number },
  taskToken?: string,
): Json {
  const id = rt.identity;
  const ctx: Record<string, Json> = {
    Execution: {
      Id: id.executionArn,
      Input: id.input,
      StartTime: id.startTime.toISOString(),
      Name: id.name,
      RoleArn: id.roleArn,
      RedriveCount: 0,
    },
    StateMachine: { Id: id.stateMachineArn, Name: id.stateMachineName },
    State: { Name: state.name, EnteredTime: state.enteredTime, RetryCount: state.retryCount },
  };
  if (taskToken) ctx.Task = { Token: taskToken };
  if (frame.mapItem) ctx.Map = { Item: { Index: frame.mapItem.index, Value: frame.mapItem.value } };
  return ctx;
}
