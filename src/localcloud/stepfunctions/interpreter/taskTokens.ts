// Task tokens for the `.waitForTaskToken` pattern: a Task waits until SendTaskSuccess,
// SendTaskFailure or a missed heartbeat settles its token.
import { randomBytes } from 'node:crypto';
import type { Json } from './jsonPath';
import { StatesError } from './statesError';

export type TokenState = 'waiting' | 'unknown' | 'closed';

interface Pending {
  executionArn: string;
  resolve(output: Json): void;
  reject(err: StatesError): void;
  /** Re-arms the heartbeat timer. */
  beat(): void;
  settled: Promise<Json>;
}

const TOKEN = /^[A-Za-z0-9+/=_-]{1,2048}$/;

export class TaskTokens {
  private readonly pending = new Map<string, Pending>();
  /** Tokens whose task already ended: answering them is TaskTimedOut, not TaskDoesNotExist. */
  private readonly closed = new Set<string>();

  static isWellFormed(token: string): boolean {
    return TOKEN.test(token);
  }

  create(executionArn: string): string {
    const token = `AQB4AAAAKgAAAAMAAAAAAAAAA${randomBytes(96).toString('base64')}`;
    let resolve!: (v: Json) => void;
    let reject!: (e: StatesError) => void;
    const settled = new Promise<Json>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    settled.catch(() => undefined);
    this.pending.set(token, { executionArn, resolve, reject, beat: () => undefined, settled });
    return token;
  }

  state(token: string): TokenState {
    return this.pending.has(token) ? 'waiting' : this.closed.has(token) ? 'closed' : 'unknown';
  }

  /** Waits for the token's answer; heartbeatMs (if any) is re-armed by each heartbeat. */
  async wait(token: string, signal: AbortSignal, heartbeatMs: number | undefined): Promise<Json> {
    const entry = this.pending.get(token);
    if (!entry) throw new StatesError('States.Runtime', 'The task token is no longer valid.');
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      if (heartbeatMs === undefined) return;
      clearTimeout(timer);
      timer = setTimeout(() => entry.reject(new StatesError('States.Timeout', '', true)), heartbeatMs);
    };
    entry.beat = arm;
    arm();
    const onAbort = () => entry.reject(new StatesError('States.Runtime', 'aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      return await entry.settled;
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      this.close(token);
    }
  }

  succeed(token: string, output: Json): void {
    this.pending.get(token)?.resolve(output);
  }

  fail(token: string, error: string | undefined, cause: string | undefined): void {
    this.pending.get(token)?.reject(new StatesError(error ?? '', cause, cause !== undefined));
  }

  heartbeat(token: string): void {
    this.pending.get(token)?.beat();
  }

  close(token: string): void {
    if (!this.pending.delete(token)) return;
    this.closed.add(token);
    // Remember recent tokens only; an old one then answers TaskDoesNotExist instead of TaskTimedOut.
    if (this.closed.size > 10_000) this.closed.delete(this.closed.values().next().value!);
  }
}
