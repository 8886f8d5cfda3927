// Warm and cold execution environments per function: an idle environment of the same version
// and revision is reused (warm); otherwise a new one starts (cold). Each runs one invocation
// at a time; idle ones are reclaimed; a code or configuration change retires the old ones.
import type { VersionConfig } from '../model/types';
import { ExecutionEnvironment, type LogWriter } from './environment';
import type { CloudFacts } from './launchSpec';
import { TooManyRequestsException } from '../errors';

/**
 * The account's concurrency limit: Lambda's default 1000, or HOC_LAMBDA_ACCOUNT_CONCURRENCY
 * (e.g. 10, as new and lab accounts get; also a cap on how many processes a laptop runs).
 */
export function accountConcurrency(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.HOC_LAMBDA_ACCOUNT_CONCURRENCY ?? 1000);
  return Number.isInteger(n) && n > 0 ? n : 1000;
}

export function idleMillis(env: NodeJS.ProcessEnv = process.env): number {
  const s = Number(env.HOC_LAMBDA_IDLE_SECONDS ?? 300);
  return (Number.isFinite(s) && s > 0 ? s : 300) * 1000;
}

export class EnvironmentPool {
  private readonly byFunction = new Map<string, ExecutionEnvironment[]>();
  private readonly reaper: NodeJS.Timeout;

  constructor(
    private readonly cloud: CloudFacts & { scratchRoot: string },
    private readonly logWriter: (config: VersionConfig, stream: () => string) => LogWriter,
    private readonly idleMs = idleMillis(),
  ) {
    this.reaper = setInterval(() => this.reclaimIdle(), Math.min(30_000, this.idleMs / 2));
    this.reaper.unref();
  }

  /** Environments running or starting an invocation, across all versions of the function. */
  busyCount(functionName: string): number {
    return (this.byFunction.get(functionName) ?? []).filter((e) => e.state === 'busy' || e.state === 'starting').length;
  }

  totalBusy(): number {
    let n = 0;
    for (const name of this.byFunction.keys()) n += this.busyCount(name);
    return n;
  }

  /**
   * Takes a warm environment or starts a cold one; synchronous up to the choice, so
   * concurrent callers never share an environment or overshoot the concurrency limit.
   */
  /** `codeDir` is asked only for a cold start (it may check the disk and extract the code). */
  acquire(config: VersionConfig, codeDir: () => string, reserved: number | undefined): ExecutionEnvironment {
    const name = config.FunctionName;
    if (reserved !== undefined && this.busyCount(name) >= reserved) {
      throw new TooManyRequestsException('ReservedFunctionConcurrentInvocationLimitExceeded');
    }
    if (this.totalBusy() >= accountConcurrency()) {
      throw new TooManyRequestsException('ConcurrentInvocationLimitExceeded');
    }
    const list = this.byFunction.get(name) ?? [];
    this.byFunction.set(name, list);
    // The most recently used, so the others can go idle and be reclaimed.
    let warm: ExecutionEnvironment | undefined;
    for (const e of list) {
      if (e.state !== 'idle' || e.config.Version !== config.Version || e.config.RevisionId !== config.RevisionId)
        continue;
      if (!warm || e.lastUsed > warm.lastUsed) warm = e;
    }
    if (warm) {
      warm.state = 'busy';
      return warm;
    }
    let env: ExecutionEnvironment;
    const writer = this.logWriter(config, () => env.logStream);
    env = new ExecutionEnvironment(config, codeDir(), this.cloud, writer);
    list.push(env);
    return env;
  }

  /** After an invocation: drop dead environments and those of a replaced revision. */
  release(env: ExecutionEnvironment, current: VersionConfig | undefined): void {
    if (env.state === 'idle' && (!current || current.RevisionId !== env.config.RevisionId)) env.dispose();
    this.prune(env.config.FunctionName);
  }

  /** A function changed or was deleted: idle environments of other revisions go now. */
  retire(functionName: string, current: (version: string) => VersionConfig | undefined): void {
    for (const env of this.byFunction.get(functionName) ?? []) {
      const now = current(env.config.Version);
      if (env.state === 'idle' && (!now || now.RevisionId !== env.config.RevisionId)) env.dispose();
    }
    this.prune(functionName);
  }

  environments(functionName: string): readonly ExecutionEnvironment[] {
    return this.byFunction.get(functionName) ?? [];
  }

  stop(): void {
    clearInterval(this.reaper);
    for (const list of this.byFunction.values()) for (const env of list) env.dispose();
    this.byFunction.clear();
  }

  private reclaimIdle(): void {
    const cutoff = Date.now() - this.idleMs;
    for (const [name, list] of this.byFunction) {
      for (const env of list) if (env.state === 'idle' && env.lastUsed < cutoff) env.dispose();
      this.prune(name);
    }
  }

  private prune(name: string): void {
    const list = (this.byFunction.get(name) ?? []).filter((e) => e.state !== 'dead');
    if (list.length) this.byFunction.set(name, list);
    else this.byFunction.delete(name);
  }
}
