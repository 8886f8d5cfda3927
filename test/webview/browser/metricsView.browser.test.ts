// The metrics view in Chromium against the local cloud: real invocations plus 500 logged REPORT
// lines at four memory sizes — summary, charts, the virtualised table, the sizing
// recommendation and the cost estimate — under the panel's CSP.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { CloudWatchLogsClient, CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { startTestCloud, type TestCloud } from '../../helpers/cloud';
import { createFunction, useFreshRuntimes } from '../../localcloud/lambda/lambdaKit';
import { metricsParams } from '../../../src/shared/webviewProtocolMetrics';
import { metricsHandlers } from '../../../src/extension/webviews/metrics/metricsHandlers';
import { CHROMIUM, longTasks, shot, startHarness, violations, type Harness } from './viewHarness';

const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (set HOC_CHROMIUM)`;
let cloud: TestCloud;
let lambda: LambdaClient;
let logs: CloudWatchLogsClient;
let harness: Harness;

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

before(async () => {
  if (skip) return;
  useFreshRuntimes();
  cloud = await startTestCloud();
  lambda = new LambdaClient(cloud.clientConfig);
  logs = new CloudWatchLogsClient(cloud.clientConfig);
  await createFunction(lambda, { FunctionName: 'sizer' });
  // Two real invocations create the log group with genuine REPORT lines (one cold start).
  for (let i = 0; i < 2; i++)
    await lambda.send(new InvokeCommand({ FunctionName: 'sizer', Payload: Buffer.from('{}') }));
  // A sweep's worth of history: 500 invocations at four memory sizes, CPU-bound (time ∝ 1/memory).
  const t0 = Date.now() - 3_600_000;
  const events = Array.from({ length: 500 }, (_, i) => {
    const mem = [128, 512, 1024, 2048][i % 4];
    const ms = (100_000 / mem) * (1 + (i % 7) / 50);
    const cold = i < 4;
    return {
      timestamp: t0 + i * 1000,
      message: `REPORT RequestId: ${uuid(i + 1)}\tDuration: ${ms.toFixed(2)} ms\tBilled Duration: ${Math.ceil(ms + (cold ? 150 : 0))} ms\tMemory Size: ${mem} MB\tMax Memory Used: 70 MB\t${cold ? 'Init Duration: 150.00 ms\t' : ''}`,
    };
  });
  await logs.send(new CreateLogStreamCommand({ logGroupName: '/aws/lambda/sizer', logStreamName: 'sweep' }));
  await logs.send(
    new PutLogEventsCommand({ logGroupName: '/aws/lambda/sizer', logStreamName: 'sweep', logEvents: events }),
  );
  harness = await startHarness();
});

after(async () => {
  if (skip) return;
  await harness.close();
  lambda.destroy();
  logs.destroy();
  await cloud.stop();
});

test('502 invocations: summary, charts, table, sizing recommendation and a monthly estimate', { skip }, async () => {
  const started = Date.now();
  const v = await harness.open({
    view: 'metrics',
    styles: ['common', 'metrics'],
    params: metricsParams,
    handlers: metricsHandlers(lambda, logs, 'sizer', 'local cloud · us-east-1'),
    state: { functionName: 'sizer' },
  });
  const { page } = v;
  await page.locator('[data-figure=count] .card-value', { hasText: '502' }).waitFor({ timeout: 30_000 });
  const rendered = Date.now() - started;
  assert.equal(await page.locator('[data-figure=cold] .card-value').textContent(), '5');
  assert.match((await page.locator('header').textContent())!, /sizer.*nodejs\d+\.x · 128 MB · x86_64 · local cloud/s);
  assert.match((await page.locator('header .note').textContent())!, /price table of \d{4}-\d\d-\d\d \(us-east-1\)/);
  // Charts drew on their canvases.
  for (const name of ['Duration of each invocation', 'Mean duration of warm and cold', 'Median duration and cost']) {
    const box = await page.locator(`canvas[aria-label^="${name}"]`).boundingBox();
    assert.ok(box && box.width > 100 && box.height > 100, `${name} chart is drawn`);
  }
  // Table: newest first, virtualised, cold starts marked.
  const rows = await page.locator('.vt-body .vt-row').count();
  assert.ok(rows > 5 && rows < 100, `only the rows in view are in the DOM (${rows})`);
  assert.equal(await page.locator('.vt-body .vt-row.cold').count(), 1, 'the real cold start, second newest, is marked');
  // Sizing: four sizes, CPU-bound → 2048 MB fastest.
  await page.locator('[data-recommendation=Fastest]', { hasText: '2048 MB' }).waitFor();
  assert.equal(await page.locator('.sizing table.cost tbody tr').count(), 4);
  // Estimate: prefilled from the measurements, priced per month.
  await page.locator('.estimate-result .total').waitFor({ timeout: 10_000 });
  assert.match((await page.locator('.estimate-result .total').textContent())!, /^\$\d/);
  assert.match((await page.locator('.estimate-result').textContent())!, /Lambda.*requests.*compute/s);
  // A request rate changes the bill.
  const before = (await page.locator('.estimate-result .total').textContent())!;
  await page.locator('vscode-textfield[aria-label="Requests per month"]').evaluate((el) => {
    (el as HTMLElement & { value: string }).value = '50000000';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForFunction((b) => document.querySelector('.estimate-result .total')?.textContent !== b, before, {
    timeout: 10_000,
  });
  const saved = (await v.state()) as { estimate?: { requestsPerMonth: number } };
  assert.equal(saved.estimate?.requestsPerMonth, 50_000_000);
  // A new invocation appears without reopening the view (it polls).
  await lambda.send(new InvokeCommand({ FunctionName: 'sizer', Payload: Buffer.from('{}') }));
  await page.locator('[data-figure=count] .card-value', { hasText: '503' }).waitFor({ timeout: 15_000 });
  await shot(page, 'metrics');
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(v.problems, []);
  const blocked = await longTasks(page).catch(() => [] as number[]);
  console.log(
    `# metrics view: 502 invocations loaded and rendered in ${rendered} ms (including page load); longest main-thread task ${Math.max(0, ...blocked)} ms`,
  );
  await page.close();
});

test(
  'half width: no invocations is one sentence (no empty charts); the first invocation draws and the table fits',
  { skip },
  async () => {
    await createFunction(lambda, { FunctionName: 'fresh' });
    const v = await harness.open({
      view: 'metrics',
      styles: ['common', 'metrics'],
      params: metricsParams,
      handlers: metricsHandlers(lambda, logs, 'fresh', 'local cloud · us-east-1'),
      state: { functionName: 'fresh' },
    });
    const { page } = v;
    await page.setViewportSize({ width: 560, height: 900 });
    await page.locator('.empty-state', { hasText: 'No invocations yet' }).waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('.charts').isVisible(), false, 'no empty charts with a meaningless time axis');
    await shot(page, 'metrics-empty');
    // One invocation (a cold start): the view polls, hides the sentence and draws the charts.
    await lambda.send(new InvokeCommand({ FunctionName: 'fresh', Payload: Buffer.from('{}') }));
    await page.locator('[data-figure=count] .card-value', { hasText: '1' }).waitFor({ timeout: 15_000 });
    await page.locator('.charts').waitFor({ state: 'visible' });
    assert.equal(await page.locator('.empty-state').isVisible(), false);
    await page.locator('.vt-body .vt-row.cold', { hasText: 'cold' }).waitFor();
    const fits = await page.locator('.vt').evaluate((el) => {
      const row = el.querySelector('.vt-body .vt-row') as HTMLElement;
      return { row: row.scrollWidth, table: el.clientWidth };
    });
    assert.ok(fits.row <= fits.table, `the invocations table fits a half-width panel: ${JSON.stringify(fits)}`);
    await shot(page, 'metrics-one-point');
    assert.deepEqual(v.problems, []);
    await page.close();
  },
);
