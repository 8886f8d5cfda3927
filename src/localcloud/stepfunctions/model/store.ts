// Step Functions' durable state: state machines, executions and their histories. Every change
// is one event applied by `commit` (in memory + journal), so restoring replays the same code.
import type { CloudContext } from '../../server/types';

export type MachineType = 'STANDARD' | 'EXPRESS';
export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface StateMachineRecord {
  arn: string;
  name: string;
  type: MachineType;
  definition: string;
  roleArn: string;
  description?: string;
  creationDate: number;
  updateDate?: number;
  revisionId: string;
  loggingConfiguration: Record<string, unknown>;
  tracingConfiguration: Record<string, unknown>;
  tags: Record<string, string>;
}

export interface HistoryEventRecord {
  id: number;
  previousEventId: number;
  type: string;
  /** ms since the epoch */
  timestamp: number;
  /** e.g. `stateEnteredEventDetails` */
  key?: string;
  details?: Record<string, unknown>;
}

export interface ExecutionRecord {
  arn: string;
  name: string;
  stateMachineArn: string;
  stateMachineName: string;
  /** The definition and role the execution started with (later updates do not change it). */
  definition: string;
  roleArn: string;
  revisionId: string;
  type: MachineType;
  status: ExecutionStatus;
  startDate: number;
  stopDate?: number;
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  timeScale: number;
  parentExecutionArn?: string;
  /** The machine's loggingConfiguration when the execution started (CloudWatch Logs). */
  logging?: Record<string, unknown>;
  events: HistoryEventRecord[];
}

export type StoreEvent =
  | { t: 'machinePut'; machine: StateMachineRecord }
  | { t: 'machineDelete'; arn: string }
  | { t: 'executionStart'; execution: Omit<ExecutionRecord, 'events'> }
  | { t: 'historyEvent'; arn: string; event: HistoryEventRecord }
  | { t: 'executionDelete'; arn: string }
  | {
      t: 'executionEnd';
      arn: string;
      status: ExecutionStatus;
      stopDate: number;
      output?: string;
      error?: string;
      cause?: string;
    };

interface Snapshot {
  machines: StateMachineRecord[];
  executions: ExecutionRecord[];
}

export class SfnStore {
  readonly machines = new Map<string, StateMachineRecord>();
  readonly executions = new Map<string, ExecutionRecord>();

  constructor(
    private readonly ctx: CloudContext,
    private readonly serviceName: string,
  ) {}

  /** Applies a change and journals it. Express executions stay in memory only, as on AWS. */
  commit(event: StoreEvent, durable = true): void {
    this.apply(event);
    if (durable) this.ctx.journal.append(this.serviceName, event);
  }

  apply(event: StoreEvent): void {
    switch (event.t) {
      case 'machinePut':
        this.machines.set(event.machine.arn, event.machine);
        break;
      case 'machineDelete':
        this.machines.delete(event.arn);
        break;
      case 'executionStart':
        this.executions.set(event.execution.arn, { ...event.execution, events: [] });
        break;
      case 'executionDelete':
        this.executions.delete(event.arn);
        break;
      case 'historyEvent':
        this.executions.get(event.arn)?.events.push(event.event);
        break;
      case 'executionEnd': {
        const e = this.executions.get(event.arn);
        if (!e) break;
        e.status = event.status;
        e.stopDate = event.stopDate;
        e.output = event.output;
        e.error = event.error;
        e.cause = event.cause;
        break;
      }
    }
  }

  snapshot(): Snapshot {
    return {
      machines: [...this.machines.values()],
      executions: [...this.executions.values()].filter((e) => e.type === 'STANDARD'),
    };
  }

  load(snapshot: unknown): void {
    const s = snapshot as Partial<Snapshot>;
    for (const m of s.machines ?? []) this.machines.set(m.arn, m);
    for (const e of s.executions ?? []) this.executions.set(e.arn, e);
  }
}
