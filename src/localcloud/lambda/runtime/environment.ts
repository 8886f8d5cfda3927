// One execution environment: a child process running the function's runtime, talking to its
// own Runtime API listener. Runs one invocation at a time and reports what Lambda reports:
// outcome, Duration, Init Duration (cold start), Max Memory Used, and the invocation's log lines.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { VersionConfig } from '../model/types';
import { environmentMarker, killEnvironment, trackGroup, untrackGroup, USE_PROCESS_GROUPS } from './childProcesses';
import { CpuThrottle, cpuShare, throttlingEnabled } from './cpuThrottle';
import { launchSpec, runtimeFamily, type CloudFacts } from './launchSpec';
import { MemoryWatch } from './memoryWatch';
import { OutputLines } from './outputLines';
import { initReportLine, initStartLine, logStreamName, timeoutLine } from './platformLines';
import { RuntimeApiServer, type InvocationRequest } from './runtimeApi';
import { errorPayload, exitDescription, type Outcome } from './outcome';

/** AWS limits INIT to 10 seconds. */
const INIT_LIMIT_MS = 10_000;
/** How long to wait for a bootstrap's end-of-output marker after its response. */
const MARKER_WAIT_MS = 250;

export interface RunResult {
  outcome: Outcome;
  durationMs: number;
  initDurationMs?: number;
  maxMemoryUsedMb: number;
}

export type LogWriter = (line: string, timestamp: number) => void;

export class ExecutionEnvironment {
  readonly id = randomBytes(16).toString('hex');
  readonly logStream: string;
  state: 'starting' | 'idle' | 'busy' | 'dead' = 'starting';
  lastUsed = Date.now();
  private child: ChildProcess | undefined;
  private readonly api: RuntimeApiServer;
  private readonly tmpDir: string;
  private memory: MemoryWatch | undefined;
  private throttle: CpuThrottle | undefined;
  private readonly spawnedAt = performance.now();
  private initDone: Promise<Outcome | undefined>;
  private resolveInit!: (o: Outcome | undefined) => void;
  private settle: ((o: Outcome) => void) | undefined;
  private markers = new Map<string, number>();
  private markerWaiters = new Map<string, () => void>();
  private nextWaiters: Array<() => void> = [];
  /** Markers the runtime said it wrote with its last answer (undefined: one per stream). */
  private markersExpected: number | undefined;
  private initEndedAt: number | undefined;
  private oomKilled = false;
  private heapOom = false;
  private exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  constructor(
    readonly config: VersionConfig,
    private readonly codeDir: string,
    private readonly cloud: CloudFacts & { scratchRoot: string },
    private readonly writeLog: LogWriter,
  ) {
    this.logStream = logStreamName(config.Version, this.id);
    this.tmpDir = join(cloud.scratchRoot, this.id);
    this.initDone = new Promise((r) => (this.resolveInit = r));
    this.api = new RuntimeApiServer({
      next: () => {
        this.initEndedAt ??= performance.now();
        this.resolveInit(undefined);
        for (const w of this.nextWaiters.splice(0)) w();
      },
      response: (id, body, markers) => {
        this.markersExpected = markers;
        this.settle?.({ kind: 'response', payload: body, requestId: id });
      },
      error: (id, body, type, markers) => {
        this.markersExpected = markers;
        this.settle?.({ kind: 'error', payload: body, errorType: errorTypeOf(body, type), requestId: id });
      },
      initError: (body, type) =>
        this.resolveInit({ kind: 'failed', status: 'error', errorType: errorTypeOf(body, type), payload: body }),
      tooLarge: () =>
        this.settle?.({
          kind: 'failed',
          status: 'error',
          errorType: 'Function.ResponseSizeTooLarge',
          payload: errorPayload(
            'Function.ResponseSizeTooLarge',
            'Response payload size exceeded maximum allowed payload size (6291556 bytes).',
          ),
        }),
    });
  }

  get family(): 'node' | 'python' | 'provided' {
    return runtimeFamily(this.config.Runtime);
  }

  /** Starts the process; INIT runs until the runtime first asks for an invocation. */
  async start(): Promise<void> {
    mkdirSync(this.tmpDir, { recursive: true });
    const address = await this.api.listen();
    this.log(initStartLine(this.config.Runtime ?? 'provided', this.cloud.region));
    let spec;
    try {
      spec = launchSpec(this.config, this.codeDir, this.tmpDir, this.logStream, this.cloud);
    } catch (e) {
      this.resolveInit({
        kind: 'failed',
        status: 'error',
        errorType: 'Runtime.InvalidEntrypoint',
        payload: errorPayload('Runtime.InvalidEntrypoint', (e as Error).message),
      });
      return;
    }
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: { ...spec.env, AWS_LAMBDA_RUNTIME_API: address, ...environmentMarker(this.id) },
      detached: USE_PROCESS_GROUPS,
      windowsHide: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.once('error', (err: NodeJS.ErrnoException) => {
      const message =
        err.code === 'ENOENT' || err.code === 'EACCES'
          ? spec.missingCommandHint
          : `${spec.missingCommandHint} ${err.message}`;
      this.resolveInit({
        kind: 'failed',
        status: 'error',
        errorType: 'Runtime.InvalidEntrypoint',
        payload: errorPayload('Runtime.InvalidEntrypoint', message),
      });
      this.dispose();
    });
    if (child.pid === undefined) return;
    trackGroup(child.pid);
    this.memory = new MemoryWatch(child.pid, this.config.MemorySize, () => this.killForMemory());
    this.memory.start();
    if (throttlingEnabled() && USE_PROCESS_GROUPS)
      this.throttle = new CpuThrottle(child.pid, cpuShare(this.config.MemorySize));
    const out = new OutputLines(
      (l) => this.log(l),
      (id) => this.marker(id),
    );
    const err = new OutputLines(
      (l) => {
        if (/heap out of memory|MemoryError/.test(l)) this.heapOom = true;
        this.log(l);
      },
      (id) => this.marker(id),
    );
    child.stdout!.on('data', (d: Buffer) => out.push(d));
    child.stderr!.on('data', (d: Buffer) => err.push(d));
    child.once('close', (code, signal) => {
      out.end();
      err.end();
      this.exitInfo = { code, signal };
      const outcome = this.exitOutcome();
      this.resolveInit(outcome);
      this.settle?.(outcome);
      for (const w of this.nextWaiters.splice(0)) w();
      this.dispose();
    });
  }

  /** Runs one invocation (waiting for INIT on a cold start). */
  async run(inv: InvocationRequest, timeoutSeconds: number, onStart: () => void): Promise<RunResult> {
    this.state = 'busy';
    const cold = this.initDurationMs === undefined;
    const initFailure = cold
      ? await Promise.race([this.initDone, sleep(INIT_LIMIT_MS).then((): Outcome => ({ kind: 'timeout' }))])
      : undefined;
    if (cold) this.initDurationMs = (this.initEndedAt ?? performance.now()) - this.spawnedAt;
    if (initFailure) {
      const errorType = initFailure.kind === 'failed' ? initFailure.errorType : 'Sandbox.Timedout';
      this.log(initReportLine(this.initDurationMs ?? 0, errorType));
      onStart();
      this.dispose();
      const outcome: Outcome =
        initFailure.kind === 'timeout'
          ? {
              kind: 'failed',
              status: 'timeout',
              errorType,
              payload: errorPayload(errorType, 'INIT phase timed out after 10 seconds'),
            }
          : this.reportExit(initFailure, inv.requestId);
      return { outcome, durationMs: 0, initDurationMs: this.initDurationMs, maxMemoryUsedMb: this.memory?.peakMb ?? 0 };
    }
    // A warm runtime asks for its next invocation just after answering the last one.
    // One that never asks again (stuck after answering) times out this invocation instead.
    if (!this.api.isWaiting && this.exitInfo === undefined) {
      await Promise.race([new Promise<void>((r) => this.nextWaiters.push(r)), sleep(timeoutSeconds * 1000)]);
    }
    onStart();
    const started = performance.now();
    const outcome = await new Promise<Outcome>((resolve) => {
      if (!this.api.isWaiting) return resolve(this.exitInfo ? this.exitOutcome() : { kind: 'timeout' });
      const timer = setTimeout(() => resolve({ kind: 'timeout' }), timeoutSeconds * 1000);
      this.settle = (o) => {
        clearTimeout(timer);
        this.settle = undefined;
        resolve(o);
      };
      this.memory?.start();
      this.throttle?.start();
      this.api.deliver(inv);
    });
    const durationMs = outcome.kind === 'timeout' ? timeoutSeconds * 1000 : performance.now() - started;
    this.throttle?.stop();
    await this.memory?.sample();
    const maxMemoryUsedMb = this.memory?.peakMb ?? 0;
    this.memory?.stop();
    let final = outcome;
    if (outcome.kind === 'timeout') {
      this.log(timeoutLine(inv.requestId, timeoutSeconds));
      final = {
        kind: 'failed',
        status: 'timeout',
        errorType: 'Sandbox.Timedout',
        payload: errorPayload(
          'Sandbox.Timedout',
          `RequestId: ${inv.requestId} Error: Task timed out after ${timeoutSeconds.toFixed(2)} seconds`,
        ),
      };
      this.dispose();
    } else if (outcome.kind === 'response' || outcome.kind === 'error') {
      await this.waitForOutput(inv.requestId);
      this.state = 'idle';
    } else {
      final = this.reportExit(outcome, inv.requestId);
      this.dispose();
    }
    this.lastUsed = Date.now();
    return { outcome: final, durationMs, initDurationMs: cold ? this.initDurationMs : undefined, maxMemoryUsedMb };
  }

  initDurationMs: number | undefined;

  /** Ends the environment and its process group. */
  dispose(): void {
    if (this.state === 'dead') return;
    this.state = 'dead';
    this.throttle?.stop();
    this.memory?.close();
    this.api.close();
    const pid = this.child?.pid;
    if (pid !== undefined) {
      killEnvironment(pid, this.id);
      untrackGroup(pid);
    }
    rmSync(this.tmpDir, { recursive: true, force: true });
  }

  /** Lines of the invocation in progress (for `LogType: Tail`). */
  collector: string[] | undefined;

  log(line: string): void {
    this.collector?.push(line);
    this.writeLog(line, Date.now());
  }

  private killForMemory(): void {
    if (this.oomKilled || !this.child?.pid) return;
    this.oomKilled = true;
    killEnvironment(this.child.pid, this.id);
  }

  /** A process that exited without an answer: Lambda logs the exit and makes it the error payload. */
  private reportExit(outcome: Outcome, requestId: string): Outcome {
    if (outcome.kind !== 'failed' || !outcome.exit || outcome.payload.length > 0) return outcome;
    this.log(`RequestId: ${requestId} Error: ${outcome.exit}\n${outcome.errorType}`);
    return { ...outcome, payload: errorPayload(outcome.errorType, `RequestId: ${requestId} Error: ${outcome.exit}`) };
  }

  private exitOutcome(): Outcome {
    const { code, signal } = this.exitInfo ?? { code: null, signal: null };
    const oom = this.oomKilled || this.heapOom;
    const exit = oom && this.oomKilled ? 'Runtime exited with error: signal: killed' : exitDescription(code, signal);
    const errorType = oom ? 'Runtime.OutOfMemory' : 'Runtime.ExitError';
    return { kind: 'failed', status: 'error', errorType, exit, payload: Buffer.alloc(0) };
  }

  private marker(requestId: string): void {
    const waiter = this.markerWaiters.get(requestId);
    if (waiter) waiter();
    else this.markers.set(requestId, (this.markers.get(requestId) ?? 0) + 1);
  }

  /**
   * Our bootstraps mark the end of an invocation's output on stdout and stderr, or on those
   * of the two they wrote since their last marker (they say how many). With no marker to wait
   * for, output written before the answer was in the pipes before the answer reached its
   * socket, so it is read in the same turn of the event loop: setImmediate runs after it.
   */
  private async waitForOutput(requestId: string): Promise<void> {
    const need = this.family === 'provided' ? 0 : (this.markersExpected ?? 2);
    this.markersExpected = undefined;
    if (need === 0) {
      await new Promise((r) => setImmediate(r));
      return;
    }
    let seen = 0;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, MARKER_WAIT_MS);
      const hit = () => {
        if (++seen >= need) {
          clearTimeout(timer);
          this.markerWaiters.delete(requestId);
          resolve();
        }
      };
      this.markerWaiters.set(requestId, hit);
      const early = this.markers.get(requestId) ?? 0;
      this.markers.delete(requestId);
      for (let i = 0; i < early; i++) hit();
    });
  }
}

function errorTypeOf(body: Buffer, header: string | undefined): string {
  try {
    const parsed = JSON.parse(body.toString()) as { errorType?: unknown };
    if (typeof parsed.errorType === 'string') return parsed.errorType;
  } catch {
    // not JSON: fall back to the header
  }
  return header ?? 'Unhandled';
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms).unref());
}
