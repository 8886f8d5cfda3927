// A failure inside an execution, named as Step Functions names it (States.TaskFailed, the
// Lambda errorType, …). Retry and Catch match on `error`.
export class StatesError extends Error {
  constructor(
    readonly error: string,
    override readonly cause?: string,
    /** Whether the error's Cause appears in a caught error output even when empty (timeouts do). */
    readonly causeInOutput = cause !== undefined,
  ) {
    super(cause ? `${error}: ${cause}` : error);
    this.name = 'StatesError';
  }

  /** The error output a Catch passes on: {"Error": …, "Cause": …}. */
  toOutput(): { Error: string; Cause?: string } {
    return this.causeInOutput ? { Error: this.error, Cause: this.cause ?? '' } : { Error: this.error };
  }
}

export function runtimeError(cause: string): StatesError {
  return new StatesError('States.Runtime', cause);
}

/** Thrown to unwind an execution that was stopped (StopExecution, the cloud stopping). */
export class ExecutionAborted extends Error {
  constructor() {
    super('The execution was aborted');
    this.name = 'ExecutionAborted';
  }
}

export function asStatesError(e: unknown): StatesError {
  if (e instanceof StatesError) return e;
  if (e instanceof ExecutionAborted) throw e;
  return runtimeError(e instanceof Error ? e.message : String(e));
}
