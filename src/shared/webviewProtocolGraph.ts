// Messages between the Step Functions graph view and its host.
import { check, type ParamCheckers } from './webviewProtocol';

export interface ExecutionSummary {
  executionArn: string;
  name: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'PENDING_REDRIVE' | string;
  startDate: number;
  stopDate?: number;
}

export interface ExecutionDetail extends ExecutionSummary {
  input?: string;
  output?: string;
  error?: string;
  cause?: string;
}

/**
 * A GetExecutionHistory event as it crosses to the view: the AWS shape (type, ids, the one
 * `…EventDetails` member) with the timestamp in epoch milliseconds.
 */
export interface WireHistoryEvent {
  id: number;
  previousEventId?: number;
  type: string;
  timestamp: number;
  [details: string]: unknown;
}

export interface MachineInfo {
  stateMachineArn: string;
  name: string;
  type: 'STANDARD' | 'EXPRESS' | string;
  definition: string;
  executions: ExecutionSummary[];
  /** Where the view says it runs, e.g. "local cloud · us-east-1". */
  target: string;
  /** An execution to select first (e.g. the one a lesson step just started). */
  initialExecution?: string;
}

export type GraphMethods = {
  machine: { params: Record<string, never>; result: MachineInfo };
  executions: { params: Record<string, never>; result: ExecutionSummary[] };
  history: { params: { executionArn: string }; result: { execution: ExecutionDetail; events: WireHistoryEvent[] } };
  start: { params: { input: string; name?: string }; result: { executionArn: string } };
};

export type GraphEvent = { type: 'select'; executionArn: string };

export const graphParams: ParamCheckers<GraphMethods> = {
  machine: check.object({}),
  executions: check.object({}),
  history: check.object({ executionArn: check.string }),
  start: check.object({ input: check.string, name: check.optional(check.string) }),
};

/** View state kept across hide/show (getState/setState). */
export interface GraphViewState {
  stateMachineArn: string;
  executionArn?: string;
  selectedStateId?: string;
  input?: string;
  /** The last layout (a scene from src/webview/graph/scene.ts), keyed by definition. */
  layout?: { key: string; scene: unknown };
}
