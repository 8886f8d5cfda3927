// The graph view in Chromium against the local cloud's Step Functions: a 200-state machine laid
// out and drawn, an execution coloured from its history, keyboard selection with the state's
// input and error, and starting an execution from the view — under the panel's CSP.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { CreateStateMachineCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { startTestCloud, type TestCloud } from '../../helpers/cloud';
import { graphParams } from '../../../src/shared/webviewProtocolGraph';
import { graphHandlers } from '../../../src/extension/webviews/graph/graphHandlers';
import { syntheticMachine } from '../syntheticMachine';
import { CHROMIUM, longTasks, shot, startHarness, violations, type Harness } from './viewHarness';

const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (set HOC_CHROMIUM)`;
const ROLE = 'arn:aws:iam::000000000000:role/StepFunctionsRole';
let cloud: TestCloud;
let sfn: SFNClient;
let harness: Harness;

before(async () => {
  if (skip) return;
  cloud = await startTestCloud();
  sfn = new SFNClient(cloud.clientConfig);
  harness = await startHarness();
});

after(async () => {
  if (skip) return;
  await harness.close();
  sfn.destroy();
  await cloud.stop();
});

const create = async (name: string, definition: unknown) =>
  (await sfn.send(new CreateStateMachineCommand({ name, definition: JSON.stringify(definition), roleArn: ROLE })))
    .stateMachineArn!;

test(
  'a 200-state machine: laid out, every state drawn, the failed one coloured and inspectable by keyboard',
  { skip },
  async () => {
    const { definition, stateCount } = syntheticMachine(200);
    const arn = await create('big', definition);
    // Its Tasks call a function that does not exist: the first Task fails and its Catch leads to HandleError.
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: arn, input: '{"items":[1,2]}' }),
    );
    const started = Date.now();
    const v = await harness.open({
      view: 'graph',
      styles: ['common', 'graph'],
      workers: true,
      params: graphParams,
      handlers: graphHandlers(sfn, arn, 'local cloud · us-east-1'),
      state: { stateMachineArn: arn },
    });
    const { page } = v;
    await page.getByText(/\d+ states, laid out in \d+ ms/).waitFor({ timeout: 60_000 });
    const rendered = Date.now() - started;
    const layoutText = (await page.getByText(/laid out in/).textContent())!;
    assert.equal(await page.locator('svg.graph .selectable').count(), stateCount);
    // The execution is chosen and coloured once it stopped (the view polls while it runs).
    await page.waitForFunction(() => document.querySelectorAll('svg.graph .status-failed').length > 0, undefined, {
      timeout: 20_000,
    });
    assert.ok((await page.locator('svg.graph .status-caught').count()) >= 1, 'the failed Task was caught');
    assert.ok((await page.locator('svg.graph .status-notReached').count()) > 150, 'most states were never reached');
    const handler = page.locator('svg.graph .selectable[data-state-id^="HandleError"]');
    assert.match((await handler.getAttribute('class'))!, /status-failed/, 'the Fail state is failed');
    // Keyboard: focus the graph, move to a state, select it: the inspector shows it.
    await page.locator('svg.graph').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator('.inspector h2').waitFor();
    const inspected = (await page.locator('.inspector h2').textContent())!;
    assert.ok(inspected.length > 0);
    // Clicking the stub of a shared handler selects the handler.
    await page.locator('svg.graph .stub').first().click();
    await page.locator('.inspector h2', { hasText: /^HandleError/ }).waitFor({ timeout: 5000 });
    assert.match((await page.locator('.inspector .status-pill').textContent())!, /Fail · failed/);
    const state = (await v.state()) as { executionArn?: string; selectedStateId?: string };
    assert.equal(state.executionArn, executionArn);
    assert.match(state.selectedStateId ?? '', /^HandleError/);
    await shot(page, 'graph-200');
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(v.problems, []);
    const kept = await v.state();
    const blocked = await longTasks(page);
    await page.close();
    // Hidden and shown again (the webview is rebuilt from its state): drawn from the kept layout.
    const reshown = Date.now();
    const again = await harness.open({
      view: 'graph',
      styles: ['common', 'graph'],
      workers: true,
      params: graphParams,
      handlers: graphHandlers(sfn, arn, 'local cloud · us-east-1'),
      state: kept,
    });
    await again.page.getByText(`${stateCount} states.`, { exact: true }).waitFor({ timeout: 30_000 });
    assert.equal(await again.page.locator('svg.graph .selectable').count(), stateCount);
    await again.page.locator('.inspector h2', { hasText: /^HandleError/ }).waitFor({ timeout: 10_000 });
    assert.deepEqual(again.problems, []);
    console.log(
      `# graph view: ${stateCount} states — ${layoutText.trim()}; page load to drawn ${rendered} ms; longest main-thread task ${Math.max(0, ...blocked)} ms; shown again from the kept layout in ${Date.now() - reshown} ms`,
    );
    await again.page.close();
  },
);

test('start an execution with input from the view and watch it finish', { skip }, async () => {
  const arn = await create('small', {
    StartAt: 'Greet',
    States: {
      Greet: { Type: 'Pass', Parameters: { 'message.$': "States.Format('hello {}', $.name)" }, Next: 'Fan' },
      Fan: {
        Type: 'Parallel',
        Branches: [
          { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } },
          { StartAt: 'B', States: { B: { Type: 'Wait', Seconds: 1, End: true } } },
        ],
        End: true,
      },
    },
  });
  const v = await harness.open({
    view: 'graph',
    styles: ['common', 'graph'],
    workers: true,
    params: graphParams,
    handlers: graphHandlers(sfn, arn, 'local cloud · us-east-1'),
    state: { stateMachineArn: arn },
  });
  const { page } = v;
  await page.getByText(/laid out in/).waitFor({ timeout: 30_000 });
  assert.match((await page.locator('.inspector').textContent())!, /No execution selected/);
  await page
    .locator('vscode-collapsible', { hasText: '' })
    .filter({ has: page.locator('.input-json') })
    .click();
  await page.locator('vscode-textarea.input-json').evaluate((el) => {
    (el as HTMLElement & { value: string }).value = '{"name": "student"}';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.locator('vscode-button', { hasText: 'Start execution' }).click();
  await page.getByText(/^Started /).waitFor({ timeout: 10_000 });
  // While the Wait runs, the Parallel box is running; then everything succeeds.
  await page.waitForFunction(
    () => document.querySelector('[data-state-id="Fan"]')?.classList.contains('status-running'),
    undefined,
    { timeout: 10_000 },
  );
  await page.waitForFunction(
    () => document.querySelector('[data-state-id="Fan"]')?.classList.contains('status-succeeded'),
    undefined,
    { timeout: 15_000 },
  );
  await page.locator('[data-state-id="Greet"]').click();
  await page.locator('.inspector pre').nth(1).waitFor();
  assert.match((await page.locator('.inspector').textContent())!, /hello student/);
  assert.ok(v.requests.filter((r) => r === 'history').length >= 2, 'the view polled while the execution ran');
  assert.equal(((await v.state()) as { input?: string }).input, '{"name": "student"}');
  await shot(page, 'graph-small');
  // An execution started elsewhere (a lesson step, the CLI): the view follows it.
  const { executionArn } = await sfn.send(
    new StartExecutionCommand({ stateMachineArn: arn, name: 'from-cli', input: '{"name":"cli"}' }),
  );
  await page.getByText('Following the new execution from-cli.').waitFor({ timeout: 15_000 });
  await page.waitForFunction(
    (a) => (window as unknown as { __hocState: { executionArn?: string } }).__hocState.executionArn === a,
    executionArn,
    { timeout: 5000 },
  );

  // At half an editor's width: the inspector moves under the graph, fitting keeps the Parallel
  // box whole and its labels readable, and ids wrap between their parts, not mid-word.
  await page.setViewportSize({ width: 560, height: 900 });
  await page.locator('.toolbar vscode-button').first().click(); // Fit
  const canvas = (await page.locator('svg.graph').boundingBox())!;
  const fan = (await page.locator('[data-state-id="Fan"] > rect').boundingBox())!;
  assert.ok(
    fan.x >= canvas.x &&
      fan.y >= canvas.y &&
      fan.x + fan.width <= canvas.x + canvas.width &&
      fan.y + fan.height <= canvas.y + canvas.height,
    `the Parallel box lies inside the canvas: ${JSON.stringify({ fan, canvas })}`,
  );
  const title = (await page.locator('[data-state-id="Greet"] .state-title').boundingBox())!;
  assert.ok(title.height >= 12, `state labels stay readable at half width (${title.height.toFixed(1)} px high)`);
  assert.ok(
    (await page.locator('.inspector').boundingBox())!.y > canvas.y + canvas.height - 1,
    'the inspector sits under the graph',
  );
  assert.equal(
    await page.locator('[data-state-id="Fan"] .status-glyph').textContent(),
    '✓',
    'status by glyph, not only an outline',
  );
  await page.locator('[data-state-id="Greet"]').click();
  await shot(page, 'graph-half-width');
  assert.deepEqual(v.problems, []);
  await page.close();
});
