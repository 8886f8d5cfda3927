// What the invoke result view shows of one invocation (the engine's Invocation or an invoke
// action's outcome): the payload pretty-printed when it is JSON, the log tail, the REPORT numbers.
import type { InvokeResultView } from '../../shared/webviewProtocolInvokeResult';
import type { LambdaReportData } from '../../shared/lessonResults';

export interface InvocationData {
  statusCode: number;
  functionError?: string;
  payload: string;
  logs: string;
  report?: LambdaReportData;
}

export function invokeResultView(
  inv: InvocationData,
  functionName: string,
  eventName: string,
  target: string,
  at = new Date(),
): InvokeResultView {
  return {
    functionName,
    eventName,
    target,
    statusCode: inv.statusCode,
    functionError: inv.functionError,
    payload: pretty(inv.payload),
    logs: inv.logs,
    report: inv.report,
    at: at.toISOString(),
  };
}

/** Shows invocations in the result view; the lesson controller and the CodeLens share it. */
export interface InvocationDisplay {
  running(functionName: string, eventName: string): void;
  /** The invocation did not happen; the sentence says why and what to do. */
  failed(functionName: string, message: string): void;
  /** `again` repeats the invocation ("Invoke again"); `eventFile` is the event's file, if saved. */
  show(view: InvokeResultView, again: () => Promise<unknown>, eventFile?: string): void;
}

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
