// Start a state machine execution and (by default) wait for it to finish.
import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  StartExecutionCommand,
  type HistoryEvent,
} from '@aws-sdk/client-sfn';
import type { ActionResult } from '../../shared/lessonResults';
import { sleep } from '../../cloud/deploy/awsErrors';
import type { LabSession } from '../session';
import { readJsonFile } from './lessonFiles';

export async function executionHistory(session: LabSession, executionArn: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await session.clients.sfn.send(
      new GetExecutionHistoryCommand({ executionArn, maxResults: 1000, nextToken }),
    );
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

export async function startExecutionAction(
  session: LabSession,
  a: { id: string; stateMachine: string; input?: unknown; inputFile?: string; wait?: boolean; timeoutSeconds?: number },
): Promise<ActionResult> {
  const arn = session.ref(a.stateMachine);
  const input = a.inputFile ? readJsonFile(session, a.inputFile) : session.expandDeep(a.input ?? {});
  const started = await session.clients.sfn.send(
    new StartExecutionCommand({ stateMachineArn: arn, input: JSON.stringify(input) }),
  );
  const executionArn = started.executionArn!;
  if (a.wait === false)
    return {
      actionId: a.id,
      ok: true,
      summary: `started ${a.stateMachine}`,
      outcome: { kind: 'execution', executionArn, status: 'RUNNING' },
    };
  const deadline = Date.now() + (a.timeoutSeconds ?? 60) * 1000;
  for (let delay = 200; ; delay = Math.min(delay * 1.5, 2000)) {
    const d = await session.clients.sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (d.status !== 'RUNNING') {
      const ok = d.status === 'SUCCEEDED';
      const summary = ok
        ? `${a.stateMachine} succeeded: ${(d.output ?? '').slice(0, 200)}`
        : `${a.stateMachine} ended ${d.status}${d.error ? `: ${d.error}` : ''}${d.cause ? ` — ${d.cause.slice(0, 200)}` : ''}`;
      return {
        actionId: a.id,
        ok,
        summary,
        outcome: {
          kind: 'execution',
          executionArn,
          status: d.status!,
          output: d.output,
          error: d.error,
          cause: d.cause,
        },
      };
    }
    session.options.signal?.throwIfAborted();
    if (Date.now() > deadline)
      return {
        actionId: a.id,
        ok: false,
        summary: `${a.stateMachine} is still running after ${a.timeoutSeconds ?? 60} s; open the graph view to follow it`,
        outcome: { kind: 'execution', executionArn, status: 'RUNNING' },
      };
    await sleep(delay);
  }
}
