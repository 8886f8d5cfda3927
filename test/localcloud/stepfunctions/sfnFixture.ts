// Shared set-up for Step Functions tests: an SFN client against a test cloud, state machine
// creation, waiting for an execution to stop, and history in a comparable form.
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  SFNClient,
  StartExecutionCommand,
  type DescribeExecutionCommandOutput,
  type HistoryEvent,
  type Tag,
} from '@aws-sdk/client-sfn';
import { startTestCloud, type TestCloud } from '../../helpers/cloud';

export const ROLE = 'arn:aws:iam::000000000000:role/StepFunctionsRole';

export interface SfnFixture {
  cloud: TestCloud;
  sfn: SFNClient;
  stop(): Promise<void>;
}

/**
 * StartSyncExecution and TestState carry AWS's `sync-` host prefix; against an IP or
 * localhost endpoint the SDK must not prepend it (`disableHostPrefix`), as for LocalStack.
 */
export async function sfnFixture(options: Parameters<typeof startTestCloud>[0] = {}): Promise<SfnFixture> {
  const cloud = await startTestCloud(options);
  const sfn = new SFNClient({ ...cloud.clientConfig, disableHostPrefix: true });
  return { cloud, sfn, stop: () => cloud.stop() };
}

let counter = 0;
export function uniqueName(prefix: string): string {
  return `${prefix}-${process.pid}-${++counter}`;
}

export async function createMachine(
  sfn: SFNClient,
  definition: object,
  options: { type?: 'STANDARD' | 'EXPRESS'; tags?: Tag[]; name?: string } = {},
): Promise<string> {
  const out = await sfn.send(
    new CreateStateMachineCommand({
      name: options.name ?? uniqueName('sm'),
      definition: JSON.stringify(definition),
      roleArn: ROLE,
      type: options.type,
      tags: options.tags,
    }),
  );
  return out.stateMachineArn!;
}

export async function waitForStop(
  sfn: SFNClient,
  executionArn: string,
  timeoutMs = 20_000,
): Promise<DescribeExecutionCommandOutput> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const d = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (d.status !== 'RUNNING') return d;
    if (Date.now() > deadline) throw new Error(`execution ${executionArn} still RUNNING after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Creates a machine, runs it on `input` and returns its description and full history. */
export async function run(
  sfn: SFNClient,
  definition: object,
  input: unknown = {},
  options: Parameters<typeof createMachine>[2] = {},
) {
  const stateMachineArn = await createMachine(sfn, definition, options);
  const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(input) }));
  const execution = await waitForStop(sfn, executionArn!);
  const events = await history(sfn, executionArn!);
  return {
    stateMachineArn,
    executionArn: executionArn!,
    execution,
    events,
    output: execution.output === undefined ? undefined : (JSON.parse(execution.output) as unknown),
  };
}

export async function history(sfn: SFNClient, executionArn: string): Promise<HistoryEvent[]> {
  const out: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await sfn.send(new GetExecutionHistoryCommand({ executionArn, nextToken, maxResults: 1000 }));
    out.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return out;
}

/** `id prev Type` lines: the shape AWS's validated histories are compared in. */
export function sequence(events: HistoryEvent[]): string[] {
  return events.map((e) => `${e.id} ${e.previousEventId} ${e.type}`);
}

/** The details object of an event (whatever its type). */
export function details(e: HistoryEvent): Record<string, unknown> {
  for (const [k, v] of Object.entries(e)) if (k.endsWith('EventDetails') && v) return v as Record<string, unknown>;
  return {};
}
