// Execution operations: start (with AWS's name idempotency), start sync (EXPRESS), describe,
// list, stop, history with paging, and the callbacks of `.waitForTaskToken` tasks.
import { randomUUID } from 'node:crypto';
import { executionArn, expressExecutionArn, parseArn, requireArnType, validateName, type ArnContext } from './arns';
import {
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  InvalidArn,
  InvalidExecutionInput,
  InvalidOutput,
  InvalidToken,
  StateMachineTypeNotSupported,
  TaskDoesNotExist,
  TaskTimedOut,
  ValidationException,
} from '../errors';
import type { Executor } from './executor';
import { TaskTokens } from '../interpreter/taskTokens';
import type { Json } from '../interpreter/jsonPath';
import type { MachineOps } from './machines';
import type { ExecutionRecord, HistoryEventRecord, SfnStore } from './store';
import { timeScaleFor } from './timeScale';
import { jsonTooDeep, MAX_JSON_NESTING } from '../../server/jsonNesting';

const CALLER_LEFT_CAUSE = 'The caller of StartSyncExecution disconnected before the execution ended.';

const MAX_KEPT_EXECUTIONS = 5_000;

export interface StartInput {
  stateMachineArn?: unknown;
  name?: unknown;
  input?: unknown;
}

export class ExecutionOps {
  constructor(
    private readonly arns: ArnContext,
    private readonly store: SfnStore,
    private readonly machines: MachineOps,
    private readonly executor: Executor,
  ) {}

  get(arn: unknown): ExecutionRecord {
    const parsed = parseArn(arn);
    if (parsed.resourceType === 'express')
      throw new InvalidArn(String(arn), 'Resource type not valid in this context: express');
    requireArnType(arn, 'execution');
    const e = this.store.executions.get(arn as string);
    if (!e) throw new ExecutionDoesNotExist(String(arn));
    return e;
  }

  start(req: StartInput, parentExecutionArn?: string): ExecutionRecord {
    const machine = this.machines.get(req.stateMachineArn);
    const name = req.name === undefined || req.name === null ? randomUUID() : validateName(req.name);
    const input = parseInput(req.input);
    if (machine.type === 'EXPRESS') {
      const record = this.newRecord(
        machine.arn,
        expressExecutionArn(this.arns, machine.name, name, randomUUID()),
        name,
        input,
        parentExecutionArn,
      );
      this.store.commit({ t: 'executionStart', execution: record }, false);
      const stored = this.store.executions.get(record.arn)!;
      void this.executor.start(stored, false).finally(() => this.store.executions.delete(record.arn));
      return stored;
    }
    const arn = executionArn(this.arns, machine.name, name);
    const existing = this.store.executions.get(arn);
    if (existing) {
      // Same name and input while still running: AWS returns the running execution.
      if (existing.status === 'RUNNING' && existing.input === input) return existing;
      throw new ExecutionAlreadyExists(arn);
    }
    this.forgetOldExecutions();
    this.store.commit({
      t: 'executionStart',
      execution: this.newRecord(machine.arn, arn, name, input, parentExecutionArn),
    });
    const stored = this.store.executions.get(arn)!;
    void this.executor.start(stored, true);
    return stored;
  }

  /**
   * StartSyncExecution: EXPRESS only; answers once the execution has stopped. A caller that
   * disconnects (`signal`) stops the execution: nobody is left to receive its result.
   */
  async startSync(req: StartInput, signal?: AbortSignal): Promise<ExecutionRecord> {
    const machine = this.machines.get(req.stateMachineArn);
    if (machine.type !== 'EXPRESS') throw new StateMachineTypeNotSupported();
    const name = req.name === undefined || req.name === null ? randomUUID() : validateName(req.name);
    const record = this.newRecord(
      machine.arn,
      expressExecutionArn(this.arns, machine.name, name, randomUUID()),
      name,
      parseInput(req.input),
    );
    this.store.commit({ t: 'executionStart', execution: record }, false);
    const stored = this.store.executions.get(record.arn)!;
    const callerLeft = () => this.executor.stop(record.arn, undefined, CALLER_LEFT_CAUSE);
    signal?.addEventListener('abort', callerLeft, { once: true });
    try {
      const done = this.executor.start(stored, false);
      if (signal?.aborted) callerLeft();
      await done;
    } finally {
      signal?.removeEventListener('abort', callerLeft);
      this.store.executions.delete(record.arn);
    }
    return stored;
  }

  list(req: { stateMachineArn?: unknown; statusFilter?: unknown }): ExecutionRecord[] {
    const machine = this.machines.get(req.stateMachineArn);
    if (machine.type === 'EXPRESS') throw new StateMachineTypeNotSupported();
    return [...this.store.executions.values()]
      .filter(
        (e) => e.stateMachineArn === machine.arn && (req.statusFilter === undefined || e.status === req.statusFilter),
      )
      .sort((a, b) => b.startDate - a.startDate);
  }

  stop(req: { executionArn?: unknown; error?: unknown; cause?: unknown }): ExecutionRecord {
    const e = this.get(req.executionArn);
    if (e.status === 'RUNNING') this.executor.stop(e.arn, optionalString(req.error), optionalString(req.cause));
    return e;
  }

  history(req: {
    executionArn?: unknown;
    reverseOrder?: unknown;
    maxResults?: unknown;
    nextToken?: unknown;
    includeExecutionData?: unknown;
  }): { events: HistoryEventRecord[]; nextToken?: string } {
    const e = this.get(req.executionArn);
    const max =
      req.maxResults === undefined || req.maxResults === null || req.maxResults === 0 ? 100 : Number(req.maxResults);
    if (!Number.isInteger(max) || max < 0 || max > 1000)
      throw new ValidationException(
        `1 validation error detected: Value '${String(req.maxResults)}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000`,
      );
    const all = req.reverseOrder === true ? [...e.events].reverse() : e.events;
    const start = decodeToken(req.nextToken, e.arn);
    const page = all.slice(start, start + max);
    const events = req.includeExecutionData === false ? page.map(withoutData) : page;
    return { events, nextToken: start + max < all.length ? encodeToken(start + max, e.arn) : undefined };
  }

  sendSuccess(req: { taskToken?: unknown; output?: unknown }): void {
    const token = this.requireToken(req.taskToken);
    if (typeof req.output !== 'string')
      throw new ValidationException(
        "1 validation error detected: Value null at 'output' failed to satisfy constraint: Member must not be null",
      );
    let output: Json;
    try {
      output = JSON.parse(req.output) as Json;
    } catch {
      throw new InvalidOutput(`Unrecognized token in '${req.output.slice(0, 50)}'`);
    }
    this.executor.tokens.succeed(token, output);
  }

  sendFailure(req: { taskToken?: unknown; error?: unknown; cause?: unknown }): void {
    this.executor.tokens.fail(this.requireToken(req.taskToken), optionalString(req.error), optionalString(req.cause));
  }

  sendHeartbeat(req: { taskToken?: unknown }): void {
    this.executor.tokens.heartbeat(this.requireToken(req.taskToken));
  }

  /** AWS keeps closed executions for 90 days; the local cloud keeps the newest few thousand. */
  private forgetOldExecutions(): void {
    if (this.store.executions.size < MAX_KEPT_EXECUTIONS) return;
    const closed = [...this.store.executions.values()]
      .filter((e) => e.status !== 'RUNNING')
      .sort((a, b) => a.startDate - b.startDate);
    for (const e of closed.slice(0, Math.max(1, Math.floor(MAX_KEPT_EXECUTIONS / 10))))
      this.store.commit({ t: 'executionDelete', arn: e.arn });
  }

  private requireToken(token: unknown): string {
    if (typeof token !== 'string' || !TaskTokens.isWellFormed(token)) throw new InvalidToken();
    const state = this.executor.tokens.state(token);
    if (state === 'unknown') throw new TaskDoesNotExist();
    if (state === 'closed') throw new TaskTimedOut();
    return token;
  }

  private newRecord(
    stateMachineArn: string,
    arn: string,
    name: string,
    input: string,
    parentExecutionArn?: string,
  ): Omit<ExecutionRecord, 'events'> {
    const machine = this.store.machines.get(stateMachineArn)!;
    return {
      arn,
      name,
      stateMachineArn,
      stateMachineName: machine.name,
      definition: machine.definition,
      roleArn: machine.roleArn,
      revisionId: machine.revisionId,
      type: machine.type,
      status: 'RUNNING',
      startDate: Date.now(),
      input,
      timeScale: timeScaleFor(machine.tags),
      parentExecutionArn,
      logging: machine.loggingConfiguration,
    };
  }
}

function parseInput(input: unknown): string {
  if (input === undefined || input === null) return '{}';
  if (typeof input !== 'string') throw new InvalidExecutionInput('The input must be a string holding JSON');
  if (Buffer.byteLength(input) > 262_144) {
    throw new ValidationException(
      "1 validation error detected: Value at 'input' failed to satisfy constraint: Member must have length less than or equal to 262144",
    );
  }
  if (jsonTooDeep(input))
    throw new InvalidExecutionInput(`The input nests JSON deeper than ${MAX_JSON_NESTING} levels`);
  try {
    JSON.parse(input);
  } catch (e) {
    throw new InvalidExecutionInput(`Unexpected input: ${(e as Error).message}`);
  }
  return input;
}

function optionalString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function encodeToken(offset: number, arn: string): string {
  return Buffer.from(JSON.stringify({ o: offset, a: arn })).toString('base64');
}

function decodeToken(token: unknown, arn: string): number {
  if (token === undefined || token === null) return 0;
  try {
    const t = JSON.parse(Buffer.from(String(token), 'base64').toString('utf8')) as { o: number; a: string };
    if (t.a === arn && Number.isInteger(t.o) && t.o >= 0) return t.o;
  } catch {
    // fall through
  }
  throw new InvalidToken('the nextToken does not belong to this request');
}

/** includeExecutionData: false drops inputs and outputs, as AWS does. */
function withoutData(e: HistoryEventRecord): HistoryEventRecord {
  if (!e.details) return e;
  const { input: _i, output: _o, inputDetails: _id, outputDetails: _od, ...rest } = e.details;
  return { ...e, details: rest };
}
