// Invoke a function with an event: result, the log tail and the REPORT metrics.
import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import type { ActionResult } from '../../shared/lessonResults';
import { invocationCost } from '../../cloud/metrics/cost';
import { parseReports, type LambdaReport } from '../../cloud/metrics/reportLine';
import type { LabSession } from '../session';
import { readJsonFile } from './lessonFiles';

export interface Invocation {
  statusCode: number;
  functionError?: string;
  payload: string;
  logs: string;
  report?: LambdaReport;
}

/** One Invoke with the log tail (no tally): what `invokeFunction` and the editor's CodeLens share. */
export async function invokeWith(
  lambda: LambdaClient,
  functionName: string,
  event: unknown,
  signal?: AbortSignal,
): Promise<Invocation> {
  const r = await lambda.send(
    new InvokeCommand({
      FunctionName: functionName,
      Payload: Buffer.from(JSON.stringify(event ?? {})),
      LogType: 'Tail',
    }),
    { abortSignal: signal },
  );
  const logs = r.LogResult ? Buffer.from(r.LogResult, 'base64').toString('utf8') : '';
  return {
    statusCode: r.StatusCode ?? 0,
    functionError: r.FunctionError,
    payload: r.Payload ? Buffer.from(r.Payload).toString('utf8') : '',
    logs,
    report: parseReports(logs).at(-1),
  };
}

/** Invokes in a lesson session: its REPORT line goes to the lesson's usage tally (the cost). */
export async function invokeFunction(session: LabSession, functionName: string, event: unknown): Promise<Invocation> {
  const inv = await invokeWith(session.clients.lambda, functionName, event, session.options.signal);
  if (inv.report) session.usage.lambda.push(inv.report);
  return inv;
}

export async function invokeAction(
  session: LabSession,
  a: { id: string; function: string; event?: string; payload?: unknown },
): Promise<ActionResult> {
  const name = session.ref(a.function);
  const event = a.event ? readJsonFile(session, a.event) : session.expandDeep(a.payload ?? {});
  const inv = await invokeFunction(session, name, event);
  const timing = inv.report
    ? ` in ${inv.report.durationMs.toFixed(1)} ms${inv.report.initDurationMs !== undefined ? ` (cold start, init ${inv.report.initDurationMs.toFixed(0)} ms)` : ''}`
    : '';
  const summary = inv.functionError
    ? `${a.function} failed (${inv.functionError})${timing}: ${inv.payload.slice(0, 200)}`
    : `${a.function} returned${timing}: ${inv.payload.slice(0, 200)}`;
  return {
    actionId: a.id,
    ok: !inv.functionError,
    summary,
    outcome: {
      kind: 'invoked',
      function: name,
      statusCode: inv.statusCode,
      functionError: inv.functionError,
      payload: inv.payload,
      logs: inv.logs,
      report: inv.report,
      costUsd: inv.report ? invocationCost(inv.report) : undefined,
    },
  };
}
