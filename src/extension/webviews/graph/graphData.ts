// What the graph view shows, fetched with the Step Functions SDK client (no vscode here, so tests
// drive it against the local cloud): the definition, executions and their full history.
import {
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  StartExecutionCommand,
  type HistoryEvent,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import type { ExecutionDetail, ExecutionSummary, WireHistoryEvent } from '../../../shared/webviewProtocolGraph';

/** Histories longer than this are cut (a Map over thousands of items); the view says so. */
export const HISTORY_LIMIT = 25_000;

/** State machine ARN from an ARN or a name (looked up with ListStateMachines). */
export async function resolveStateMachineArn(client: SFNClient, ref: string): Promise<string> {
  if (ref.startsWith('arn:')) return ref;
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListStateMachinesCommand({ nextToken }));
    const hit = page.stateMachines?.find((m) => m.name === ref);
    if (hit?.stateMachineArn) return hit.stateMachineArn;
    nextToken = page.nextToken;
  } while (nextToken);
  throw new Error(
    `No state machine named ${ref} on this target. Deploy the lesson step that creates it, then open the graph again.`,
  );
}

/** arn:aws:states:r:a:execution:Machine:run → arn:aws:states:r:a:stateMachine:Machine */
export function machineOfExecution(arn: string): string {
  const m = /^(arn:[^:]+:states:[^:]*:[^:]*):execution:([^:]+):[^:]+$/.exec(arn);
  return m ? `${m[1]}:stateMachine:${m[2]}` : arn;
}

export async function describeMachine(
  client: SFNClient,
  arn: string,
): Promise<{ name: string; type: string; definition: string }> {
  const out = await client.send(new DescribeStateMachineCommand({ stateMachineArn: arn }));
  return {
    name: out.name ?? arn.split(':').pop() ?? arn,
    type: out.type ?? 'STANDARD',
    definition: out.definition ?? '{}',
  };
}

export async function listExecutions(client: SFNClient, arn: string, max = 50): Promise<ExecutionSummary[]> {
  const out = await client.send(new ListExecutionsCommand({ stateMachineArn: arn, maxResults: max }));
  return (out.executions ?? []).map((e) => ({
    executionArn: e.executionArn ?? '',
    name: e.name ?? '',
    status: e.status ?? 'RUNNING',
    startDate: e.startDate?.getTime() ?? 0,
    stopDate: e.stopDate?.getTime(),
  }));
}

export async function executionWithHistory(
  client: SFNClient,
  executionArn: string,
): Promise<{ execution: ExecutionDetail; events: WireHistoryEvent[] }> {
  const d = await client.send(new DescribeExecutionCommand({ executionArn }));
  const execution: ExecutionDetail = {
    executionArn,
    name: d.name ?? '',
    status: d.status ?? 'RUNNING',
    startDate: d.startDate?.getTime() ?? 0,
    stopDate: d.stopDate?.getTime(),
    input: d.input,
    output: d.output,
    error: d.error,
    cause: d.cause,
  };
  const events: WireHistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(
      new GetExecutionHistoryCommand({ executionArn, nextToken, maxResults: 1000, includeExecutionData: true }),
    );
    for (const e of page.events ?? []) events.push(toWire(e));
    nextToken = page.nextToken;
  } while (nextToken && events.length < HISTORY_LIMIT);
  return { execution, events };
}

/** SDK event → plain JSON: Date → epoch ms, every `…EventDetails` member kept as AWS named it. */
export function toWire(e: HistoryEvent): WireHistoryEvent {
  const out: WireHistoryEvent = {
    id: e.id ?? 0,
    previousEventId: e.previousEventId,
    type: e.type ?? 'Unknown',
    timestamp: e.timestamp?.getTime() ?? 0,
  };
  for (const [key, value] of Object.entries(e)) {
    if (key.endsWith('EventDetails') && value !== undefined) out[key] = value;
  }
  return out;
}

export async function startFromView(client: SFNClient, arn: string, input: string, name?: string): Promise<string> {
  try {
    JSON.parse(input);
  } catch (e) {
    throw new Error(`The input is not valid JSON (${(e as Error).message}). Fix it and start again.`);
  }
  const out = await client.send(new StartExecutionCommand({ stateMachineArn: arn, input, name: name || undefined }));
  return out.executionArn ?? '';
}
