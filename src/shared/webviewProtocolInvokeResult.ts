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

export type InvokeResultEvent =
  | { type: 'result'; result: InvokeResultView }
  | { type: 'running'; functionName: string; eventName: string }
  /** The invocation did not happen (not deployed, target unreachable, cancelled): what to do next. */
  | { type: 'failed'; functionName: string; message: string };

/** What the view saves (setState), so a reload shows the last result again. */
export interface InvokeResultViewState {
  result?: InvokeResultView;
}

/** A saved result as the host gets it back from VS Code: untrusted until checked. */
export function isInvokeResultView(v: unknown): v is InvokeResultView {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    typeof r.functionName === 'string' &&
    typeof r.eventName === 'string' &&
    typeof r.target === 'string' &&
    typeof r.statusCode === 'number' &&
    typeof r.payload === 'string' &&
    typeof r.logs === 'string' &&
    typeof r.at === 'string'
  );
}

export const invokeResultParams: ParamCheckers<InvokeResultMethods> = {
  invokeAgain: check.object<Record<string, never>>({}),
  openEvent: check.object<Record<string, never>>({}),
};
