// Runs executions: wires the interpreter to the store (history events), the other services
// (integrations) and the execution's lifecycle (stop, timeout, the cloud stopping).
import type { AslStateMachine } from '../../../asl/types';
import type { CloudContext } from '../../server/types';
import type { Integrations, NestedExecution } from '../interpreter/integrations/types';
import type { Json } from '../interpreter/jsonPath';
import { runGraph } from '../interpreter/runner';
import { Thread, type ExecutionRuntime, type HistorySink } from '../interpreter/runtime';
import { ExecutionAborted, StatesError, asStatesError } from '../interpreter/statesError';
import { TaskTokens } from '../interpreter/taskTokens';
import { unlimited } from '../interpreter/signals';
import type { ExecutionRecord, ExecutionStatus, SfnStore } from './store';
import { ExecutionLogger, type LoggingConfiguration } from './executionLogs';

const MAX_HISTORY_EVENTS = 25_000;
const EXPRESS_MAX_SECONDS = 300;

type StopReason = { kind: 'stop'; error?: string; cause?: string } | { kind: 'timeout' } | { kind: 'shutdown' };

interface Running {
  record: ExecutionRecord;
  durable: boolean;
  controller: AbortController;
  reason?: StopReason;
  done: Promise<void>;
  eventCount: number;
}

export interface ExecutorHooks {
  startNested(request: {
    stateMachineArn: string;
    input?: string;
    name?: string;
    parentExecutionArn: string;
  }): Promise<{ executionArn: string; startDate: Date }>;
}

export class Executor {
  readonly tokens = new TaskTokens();
  private readonly running = new Map<string, Running>();
  private readonly finished = new Map<string, Set<() => void>>();
  private shuttingDown = false;
  private readonly logger: ExecutionLogger;

  constructor(
    private readonly ctx: CloudContext,
    private readonly store: SfnStore,
    private readonly hooks: ExecutorHooks,
  ) {
    this.logger = new ExecutionLogger(ctx);
  }

  /** Starts running `record` (already committed as RUNNING); resolves when it stops. */
  start(record: ExecutionRecord, durable: boolean): Promise<void> {
    const controller = new AbortController();
    unlimited(controller.signal);
    const entry: Running = { record, durable, controller, done: Promise.resolve(), eventCount: record.events.length };
    this.running.set(record.arn, entry);
    entry.done = this.run(entry)
      .catch((e: unknown) => {
        // A stop racing the end of the execution: the stop already recorded the outcome.
        if (!(e instanceof ExecutionAborted))
          this.ctx.log(
            `states: execution ${record.arn} failed inside the local cloud: ${e instanceof Error ? e.stack : String(e)}`,
          );
      })
      .finally(() => {
        this.running.delete(record.arn);
        for (const notify of this.finished.get(record.arn) ?? []) notify();
        this.finished.delete(record.arn);
      });
    return entry.done;
  }

  /** StopExecution: records ExecutionAborted now, then unwinds the interpreter. */
  stop(arn: string, error?: string, cause?: string): void {
    const entry = this.running.get(arn);
    if (!entry || entry.reason) return;
    entry.reason = { kind: 'stop', error, cause };
    const details: Record<string, unknown> = {};
    if (error !== undefined) details.error = error;
    if (cause !== undefined) details.cause = cause;
    this.emit(entry, 'ExecutionAborted', 0, { key: 'executionAbortedEventDetails', value: details }, true);
    this.end(entry, 'ABORTED', { error, cause });
    entry.controller.abort();
  }

  /** Graceful shutdown: running executions stay RUNNING on disk; the next start fails them. */
  async shutdown(): Promise<void> {
    this.shuttingDown = true;
    for (const entry of this.running.values()) {
      entry.reason ??= { kind: 'shutdown' };
      entry.controller.abort();
    }
    await Promise.allSettled([...this.running.values()].map((e) => e.done));
  }

  waitFor(arn: string, signal: AbortSignal): Promise<NestedExecution> {
    const describe = (): NestedExecution | undefined => {
      const r = this.store.executions.get(arn);
      if (!r || r.status === 'RUNNING') return undefined;
      return {
        executionArn: r.arn,
        stateMachineArn: r.stateMachineArn,
        name: r.name,
        status: r.status,
        startDate: new Date(r.startDate),
        stopDate: r.stopDate ? new Date(r.stopDate) : undefined,
        input: r.input,
        output: r.output,
        error: r.error,
        cause: r.cause,
      };
    };
    const now = describe();
    if (now) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const set = this.finished.get(arn) ?? new Set();
      this.finished.set(arn, set);
      const notify = () => {
        signal.removeEventListener('abort', onAbort);
        const d = describe();
        if (d) resolve(d);
        else reject(new StatesError('States.TaskFailed', `The execution ${arn} ended without a result.`));
      };
      const onAbort = () => {
        set.delete(notify);
        // The waiting task was stopped or timed out: its child stops too (not when the cloud stops).
        if (!this.shuttingDown) this.stop(arn);
        reject(new ExecutionAborted());
      };
      set.add(notify);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** What Task states may call from this cloud. */
  integrations(): Integrations {
    return {
      region: this.ctx.region,
      accountId: this.ctx.accountId,
      lambda: () => this.ctx.services.get('lambda'),
      sqs: () => this.ctx.services.get('sqs'),
      startExecution: (request) => this.hooks.startNested(request),
      waitForExecution: (arn, signal) => this.waitFor(arn, signal),
      tokens: this.tokens,
    };
  }

  private async run(entry: Running): Promise<void> {
    const { record } = entry;
    const definition = JSON.parse(record.definition) as AslStateMachine;
    const input = JSON.parse(record.input) as Json;
    const sink: HistorySink = { emit: (type, prev, details) => this.emit(entry, type, prev, details) };
    const rt: ExecutionRuntime = {
      identity: {
        executionArn: record.arn,
        name: record.name,
        stateMachineArn: record.stateMachineArn,
        stateMachineName: record.stateMachineName,
        roleArn: record.roleArn,
        startTime: new Date(record.startDate),
        input,
      },
      history: sink,
      integrations: this.integrations(),
      signal: entry.controller.signal,
      timeScale: record.timeScale,
      region: this.ctx.region,
      accountId: this.ctx.accountId,
    };
    this.emit(entry, 'ExecutionStarted', 0, {
      key: 'executionStartedEventDetails',
      value: { input: record.input, inputDetails: { truncated: false }, roleArn: record.roleArn },
    });
    const thread = new Thread(rt, 0);
    let timer: NodeJS.Timeout | undefined;
    // EXPRESS executions last at most five minutes on AWS.
    const timeoutSeconds = definition.TimeoutSeconds ?? (record.type === 'EXPRESS' ? EXPRESS_MAX_SECONDS : undefined);
    if (typeof timeoutSeconds === 'number') {
      timer = setTimeout(
        () => {
          entry.reason ??= { kind: 'timeout' };
          entry.controller.abort();
        },
        Math.min(timeoutSeconds, record.type === 'EXPRESS' ? EXPRESS_MAX_SECONDS : timeoutSeconds) * 1000,
      );
    }
    try {
      // JSONPath unless the machine's QueryLanguage says otherwise (runGraph reads it).
      const output = await runGraph(definition, input, thread, { variables: {} }, 'JSONPath');
      const text = JSON.stringify(output);
      this.emit(entry, 'ExecutionSucceeded', thread.cursor, {
        key: 'executionSucceededEventDetails',
        value: { output: text, outputDetails: { truncated: false } },
      });
      this.end(entry, 'SUCCEEDED', { output: text });
    } catch (e) {
      if (e instanceof ExecutionAborted || entry.controller.signal.aborted) {
        if (entry.reason?.kind === 'timeout') {
          this.emit(
            entry,
            'ExecutionTimedOut',
            thread.cursor,
            { key: 'executionTimedOutEventDetails', value: { error: 'States.Timeout' } },
            true,
          );
          this.end(entry, 'TIMED_OUT', { error: 'States.Timeout' });
        }
        return; // stopped (already recorded) or the cloud is shutting down
      }
      const err = asStatesError(e);
      const details: Record<string, unknown> = {};
      if (err.error) details.error = err.error;
      if (err.cause) details.cause = err.cause;
      this.emit(entry, 'ExecutionFailed', thread.cursor, { key: 'executionFailedEventDetails', value: details }, true);
      this.end(entry, 'FAILED', { error: err.error || undefined, cause: err.cause || undefined });
    } finally {
      clearTimeout(timer);
    }
  }

  private emit(
    entry: Running,
    type: string,
    previousEventId: number,
    details?: { key: string; value: Record<string, unknown> },
    closing = false,
  ): number {
    const { record } = entry;
    // Nothing is recorded after the execution ended (a stopped execution's chains unwind).
    if (record.status !== 'RUNNING') throw new ExecutionAborted();
    const id = entry.eventCount + 1;
    // AWS keeps at most 25,000 events per STANDARD execution and fails it beyond that.
    if (entry.durable && id >= MAX_HISTORY_EVENTS && !closing) {
      throw new StatesError(
        'States.Runtime',
        `The execution reached the maximum number of history events (${MAX_HISTORY_EVENTS}). Start a new execution (e.g. with states:startExecution) to continue the work.`,
      );
    }
    entry.eventCount = id;
    const event = {
      id,
      previousEventId,
      type,
      timestamp: Date.now(),
      ...(details ? { key: details.key, details: details.value } : {}),
    };
    // EXPRESS executions keep no history (AWS only logs it), so a long one cannot fill memory.
    if (entry.durable) this.store.commit({ t: 'historyEvent', arn: record.arn, event });
    this.logger.log(record.logging as LoggingConfiguration | undefined, record, event);
    return id;
  }

  private end(
    entry: Running,
    status: ExecutionStatus,
    result: { output?: string; error?: string; cause?: string },
  ): void {
    this.store.commit(
      { t: 'executionEnd', arn: entry.record.arn, status, stopDate: Date.now(), ...result },
      entry.durable,
    );
  }
}
