// The metrics view's data: REPORT lines read from CloudWatch Logs on the local cloud (written by
// real invocations, and by PutLogEvents for exact figures), parsed with src/cloud's parser,
// priced with its cost function, read incrementally, and grouped by memory size for sizing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { createFunction, useLambdaCloud } from '../localcloud/lambda/lambdaKit';
import { InvocationLog } from '../../src/extension/webviews/metrics/invocationLog';
import { metricsHandlers } from '../../src/extension/webviews/metrics/metricsHandlers';
import { functionNameOf } from '../../src/extension/webviews/metrics/functionName';
import { invocationCost } from '../../src/cloud/metrics/cost';

const f = useLambdaCloud();

/** Request ids are UUIDs, as Lambda writes them. */
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

const report = (id: string, duration: number, memory: number, init?: number) =>
  `REPORT RequestId: ${id}\tDuration: ${duration.toFixed(2)} ms\tBilled Duration: ${Math.ceil(duration + (init ?? 0))} ms\tMemory Size: ${memory} MB\tMax Memory Used: 61 MB\t${init !== undefined ? `Init Duration: ${init.toFixed(2)} ms\t` : ''}`;

async function writeLines(fn: string, stream: string, lines: Array<[number, string]>) {
  await f.logs.send(new CreateLogGroupCommand({ logGroupName: `/aws/lambda/${fn}` })).catch((e: Error) => {
    if (e.name !== 'ResourceAlreadyExistsException') throw e;
  });
  await f.logs.send(new CreateLogStreamCommand({ logGroupName: `/aws/lambda/${fn}`, logStreamName: stream }));
  await f.logs.send(
    new PutLogEventsCommand({
      logGroupName: `/aws/lambda/${fn}`,
      logStreamName: stream,
      logEvents: lines.map(([timestamp, message]) => ({ timestamp, message })),
    }),
  );
}

test('real invocations: one row per REPORT line, the first a cold start with Init Duration', async () => {
  await createFunction(f.lambda, { FunctionName: 'measured' });
  for (let i = 0; i < 3; i++)
    await f.lambda.send(new InvokeCommand({ FunctionName: 'measured', Payload: Buffer.from('{}') }));
  const log = new InvocationLog(f.logs, 'measured', 'x86_64');
  assert.equal(await log.refresh(), true);
  const { invocations, truncated } = log.rows();
  assert.equal(truncated, false);
  assert.equal(invocations.length, 3);
  assert.deepEqual(
    invocations.map((r) => r.cold),
    [true, false, false],
  );
  assert.ok(invocations[0].initMs! > 0);
  assert.equal(invocations[1].initMs, undefined);
  for (const r of invocations) {
    assert.equal(r.memorySizeMb, 128);
    assert.ok(r.durationMs > 0 && r.billedMs >= Math.ceil(r.durationMs));
    assert.ok(r.costUsd > 0);
  }
  assert.ok(invocations[0].timestamp <= invocations[2].timestamp);
  // Nothing new: the next refresh adds nothing; one more invocation adds one row.
  assert.equal(await log.refresh(), false);
  await f.lambda.send(new InvokeCommand({ FunctionName: 'measured', Payload: Buffer.from('{}') }));
  assert.equal(await log.refresh(), true);
  assert.equal(log.rows().invocations.length, 4);
  assert.equal(log.sizing(), undefined, 'one memory size is no sweep');
});

test('exact figures: durations, cost from the price table, timeout status, and no other log lines', async () => {
  const t = Date.now() - 60_000;
  await writeLines('exact', 'a', [
    [t, `START RequestId: ${uuid(1)} Version: $LATEST`],
    [t + 1, report(uuid(1), 294.87, 128, 507.83)],
    [t + 2, 'some handler output mentioning REPORT in passing'],
    [t + 3, `${report(uuid(2), 3000.12, 128)}Status: timeout`],
  ]);
  const log = new InvocationLog(f.logs, 'exact', 'arm64');
  await log.refresh();
  const [r1, r2] = log.rows().invocations;
  assert.equal(log.rows().invocations.length, 2);
  assert.equal(r1.requestId, uuid(1));
  assert.equal(r1.durationMs, 294.87);
  assert.equal(r1.initMs, 507.83);
  assert.equal(r1.cold, true);
  assert.equal(r1.timestamp, t + 1);
  assert.equal(
    r1.costUsd,
    invocationCost(
      {
        requestId: uuid(1),
        durationMs: 294.87,
        billedDurationMs: 803,
        memorySizeMb: 128,
        maxMemoryUsedMb: 61,
        initDurationMs: 507.83,
      },
      'arm64',
    ),
  );
  assert.equal(r2.status, 'timeout');
  assert.equal(r2.cold, false);
});

test('invocations at several memory sizes make a sizing result with a recommendation', async () => {
  const t = Date.now() - 30_000;
  const lines: Array<[number, string]> = [];
  const sizes: Array<[number, number]> = [
    [128, 800],
    [512, 200],
    [1024, 105],
    [2048, 100],
  ];
  let i = 0;
  for (const [mem, ms] of sizes)
    for (let k = 0; k < 3; k++)
      lines.push([t + i++, report(uuid(mem * 10 + k), ms + k, mem, k === 0 ? 150 : undefined)]);
  await writeLines('sweep', 'a', lines);
  const log = new InvocationLog(f.logs, 'sweep', 'x86_64');
  await log.refresh();
  const s = log.sizing()!;
  assert.deepEqual(
    s.points.map((p) => p.memoryMb),
    [128, 512, 1024, 2048],
  );
  assert.deepEqual(
    s.points.map((p) => p.samples),
    [3, 3, 3, 3],
  );
  assert.deepEqual(
    s.points.map((p) => p.coldStarts),
    [1, 1, 1, 1],
  );
  // Warm runs only: median of ms+1 and ms+2.
  assert.equal(s.points[0].durationMs, 801.5);
  assert.equal(s.recommended.speed, 2048);
  assert.ok([128, 512, 1024, 2048].includes(s.recommended.balanced));
  assert.ok(
    s.points[3].costPerInvocationUsd > s.points[2].costPerInvocationUsd,
    '2048 MB costs more than 1024 MB for almost the same time',
  );
  assert.match(s.reason, /MB/);
});

test('a function that never ran has no log group: no rows, no error', async () => {
  const log = new InvocationLog(f.logs, 'never-ran', 'x86_64');
  assert.equal(await log.refresh(), false);
  assert.deepEqual(log.rows(), { invocations: [], truncated: false });
});

test('function names from names and ARNs', () => {
  assert.equal(functionNameOf('hello'), 'hello');
  assert.equal(functionNameOf('arn:aws:lambda:us-east-1:000000000000:function:hello'), 'hello');
  assert.equal(functionNameOf('arn:aws:lambda:us-east-1:000000000000:function:hello:live'), 'hello');
  assert.equal(functionNameOf('000000000000:function:hello'), 'hello');
});

test("the view's poll answers changed: false until a new invocation, then every row", async () => {
  await createFunction(f.lambda, { FunctionName: 'polled' });
  await f.lambda.send(new InvokeCommand({ FunctionName: 'polled', Payload: Buffer.from('{}') }));
  const handlers = metricsHandlers(f.lambda, f.logs, 'polled', 'local cloud');
  const loaded = await handlers.load({});
  assert.equal(loaded.invocations.length, 1);
  assert.deepEqual(await handlers.invocations({}), { changed: false });
  await f.lambda.send(new InvokeCommand({ FunctionName: 'polled', Payload: Buffer.from('{}') }));
  const next = await handlers.invocations({});
  assert.ok(next.changed);
  assert.deepEqual(
    next.invocations.map((r) => r.cold),
    [true, false],
  );
});
