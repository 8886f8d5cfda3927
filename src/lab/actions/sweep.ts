// Sizing sweep: the same event at several memory sizes, N times each. Each size gets one
// cold start (a configuration change starts new instances), then warm runs; the function's
// original memory size is restored afterwards.
import { GetFunctionConfigurationCommand, UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import type { ActionResult } from '../../shared/lessonResults';
import { recommend, sweepPoints } from '../../cloud/metrics/sizingSweep';
import type { LambdaReport } from '../../cloud/metrics/reportLine';
import { sleep } from '../../cloud/deploy/awsErrors';
import type { LabSession } from '../session';
import { invokeFunction } from './invoke';
import { readJsonFile } from './lessonFiles';

async function setMemory(session: LabSession, name: string, memory: number): Promise<void> {
  await session.clients.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: name, MemorySize: memory }));
  for (let i = 0; i < 120; i++) {
    const c = await session.clients.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name }));
    if (c.LastUpdateStatus !== 'InProgress' && c.MemorySize === memory) return;
    await sleep(500);
  }
  throw new Error(`${name} did not take memory size ${memory} MB within a minute`);
}

export async function sizingSweepAction(
  session: LabSession,
  a: { id: string; function: string; event: string; memorySizes: number[]; repeat?: number },
  onStep?: (message: string) => void,
): Promise<ActionResult> {
  const name = session.ref(a.function);
  const event = readJsonFile(session, a.event);
  const original =
    (await session.clients.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name }))).MemorySize ?? 128;
  const reports: LambdaReport[] = [];
  const repeat = a.repeat ?? 3;
  try {
    for (const memory of a.memorySizes) {
      onStep?.(`${memory} MB`);
      await setMemory(session, name, memory);
      // One extra run absorbs the cold start, so each size has `repeat` comparable runs.
      for (let i = 0; i < repeat + 1; i++) {
        session.options.signal?.throwIfAborted();
        const inv = await invokeFunction(session, name, event);
        if (inv.functionError)
          throw new Error(`${a.function} failed at ${memory} MB (${inv.functionError}): ${inv.payload.slice(0, 200)}`);
        if (inv.report) reports.push(inv.report);
      }
    }
  } finally {
    await setMemory(session, name, original).catch(() => undefined);
  }
  const points = sweepPoints(reports);
  const recommendation = recommend(points);
  if (points.length === 0)
    return {
      actionId: a.id,
      ok: false,
      summary: `no REPORT lines came back from ${a.function}; the target did not return logs with the invocations`,
    };
  return {
    actionId: a.id,
    ok: true,
    summary: recommendation?.summary ?? 'sweep done',
    outcome: { kind: 'sweep', function: name, points, recommendation },
  };
}
