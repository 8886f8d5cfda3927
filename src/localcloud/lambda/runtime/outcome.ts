// What one invocation came to, and the error payloads Lambda itself writes for failures the
// function's own code could not report.
export type Outcome =
  | { kind: 'response'; payload: Buffer; requestId: string }
  /** The runtime reported the handler's error (X-Amz-Function-Error: Unhandled). */
  | { kind: 'error'; payload: Buffer; errorType: string; requestId: string }
  /** The platform ended it: init error, timeout, crash, out of memory, oversized response. */
  | { kind: 'failed'; payload: Buffer; errorType: string; status: 'error' | 'timeout'; exit?: string }
  | { kind: 'timeout' };

export function errorPayload(errorType: string, errorMessage: string): Buffer {
  return Buffer.from(JSON.stringify({ errorType, errorMessage }));
}

/** Go-style exit descriptions, as Lambda's own messages read. */
export function exitDescription(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal) {
    const names: Partial<Record<NodeJS.Signals, string>> = {
      SIGKILL: 'killed',
      SIGABRT: 'aborted (core dumped)',
      SIGSEGV: 'segmentation fault (core dumped)',
      SIGTERM: 'terminated',
    };
    return `Runtime exited with error: signal: ${names[signal] ?? signal}`;
  }
  if (code === 0 || code === null) return 'Runtime exited without providing a reason';
  return `Runtime exited with error: exit status ${code}`;
}
