// Messages between the invoke result view and its host (envelope: webviewProtocol.ts).
import { check, type ParamCheckers } from './webviewProtocol';

/** The REPORT line of one invocation, as numbers (Init Duration only on a cold start). */
export interface ReportMetrics {
  durationMs: number;
  billedDurationMs: number;
  memorySizeMb: number;
  maxMemoryUsedMb: number;
  initDurationMs?: number;
}

export interface InvokeResultView {
  functionName: string;
  eventName: string;
  target: string;
  statusCode: number;
  /** Set when the handler threw (Unhandled) or the runtime failed. */
  functionError?: string;
  /** The response payload, pretty-printed when it is JSON. */
  payload: string;
  /** The tail of the function's log (LogType Tail: the last 4 KB). */
  logs: string;
  report?: ReportMetrics;
  /** ISO time the invocation finished. */
  at: string;
}

export type InvokeResultMethods = {
  invokeAgain: { params: Record<string, never>; result: void };
  openEvent: { params: Record<string, never>; result: void };
};

export type InvokeResultEvent = { type: 'result'; result: InvokeResultView } | { type: 'running'; functionName: string; eventName: string };

export const invokeResultParams: ParamCheckers<InvokeResultMethods> = {
  invokeAgain: check.object<Record<string, never>>({}),
  openEvent: check.object<Record<string, never>>({}),
};
