// The extension in a real editor: code-server 4.100 (VS Code 1.100 in the browser) with the
// packaged VSIX installed, driven by Debian's Chromium. One code-server serves both layers:
//  1. the integration suite (test/integration) inside the extension host, through VS Code web's
//     `payload` (extensionDevelopmentPath + extensionTestsPath); results come back as JSON;
//  2. a student's path through the UI: open the lesson, open a step, deploy, invoke and read the
//     Duration, check the step and see it ticked, open the function's metrics, the queue's messages
//     and the state machine's graph from the lessons' links, switch target — with screenshots in
//     test-results/e2e/.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Locator, Page } from 'playwright-core';
import { installExtension, startCodeServer, ROOT, type CodeServer } from './harness/codeServer';
import { freshProfile } from './harness/profile';
import { buildIntegrationSuite, INTEGRATION_INDEX, packageVsix, VSIX } from './harness/build';
import { copyFixtureWorkspace, payloadUrl } from './harness/workspace';
import { launchChromium } from './harness/browser';
import { SHOTS, Workbench } from './harness/workbench';

/** What a step action said, beside its button (the guide keeps it there across redraws). */
function actionResult(guide: Frame, actionId: string, text: RegExp): Locator {
  return guide.locator(`li.action output.action-result[data-result-for="${actionId}"]`, { hasText: text });
}

let server: CodeServer;
let browser: Browser;
let resultsFile: string;

before(
  async () => {
    rmSync(SHOTS, { recursive: true, force: true });
    packageVsix();
    await buildIntegrationSuite();
    const { entry, base, dirs } = freshProfile('suite');
    installExtension(entry, dirs, VSIX);
    resultsFile = join(base, 'integration-results.json');
    server = await startCodeServer(entry, dirs, { HOC_INTEGRATION_RESULTS: resultsFile });
    browser = await launchChromium();
  },
  { timeout: 600_000 },
);

after(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(VSIX, { force: true });
});

interface Results {
  done: boolean;
  results: Array<{ name: string; ok: boolean; ms: number; error?: string }>;
}

describe('integration suite in the extension host', () => {
  test('runs every test green', { timeout: 240_000 }, async (t) => {
    const page = await browser.newPage();
    try {
      await page.goto(payloadUrl(server.url, copyFixtureWorkspace('integration'), ROOT, INTEGRATION_INDEX));
      const end = Date.now() + 200_000;
      let results: Results | undefined;
      while (Date.now() < end) {
        if (existsSync(resultsFile)) results = JSON.parse(readFileSync(resultsFile, 'utf8')) as Results;
        if (results?.done) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      assert.ok(
        results?.done,
        `the suite did not finish; got ${JSON.stringify(results)}\n${server.log().slice(-2000)}`,
      );
      assert.ok(results.results.length >= 5, 'the suite ran its tests');
      for (const r of results.results) {
        await t.test(r.name, () => assert.ok(r.ok, r.error));
      }
    } finally {
      await page.close();
    }
  });
});

describe('a student in the browser editor', { concurrency: false }, () => {
  let page: Page;
  let wb: Workbench;

  afterEach(async (t) => {
    // A failing step leaves a picture of the workbench as an artefact.
    if (wb && (t as unknown as { passed?: boolean }).passed === false)
      await wb.screenshot(`failed-${t.name.replace(/\W+/g, '-')}`).catch(() => undefined);
  });

  before(
    async () => {
      page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      wb = new Workbench(page);
      await page.goto(`${server.url}/?folder=${encodeURIComponent(copyFixtureWorkspace('ui'))}`);
      await wb.ready();
    },
    { timeout: 120_000 },
  );

  after(async () => {
    await page?.close();
  });

  test('opens the lesson from the Hands-on Cloud view', { timeout: 120_000 }, async () => {
    await wb.activityTab(/Hands-on Cloud/).click();
    // The first activation waits for the extension host, slow on a busy machine.
    await wb.treeRow(/Hello, serverless/).waitFor({ timeout: 90_000 });
    await wb.runCommand('Hands-on Cloud: Open Lesson');
    const guide = await wb.webview('#check-progress');
    await guide.locator('h1', { hasText: 'Make a queue' }).waitFor();
    await wb.screenshot('lesson-open');
  });

  test('opens a step from the Labs tree', { timeout: 60_000 }, async () => {
    const guide = await wb.openFromTree(
      wb.treeRow(/Step 2, Say hello from Lambda/),
      'h1:has-text("Say hello from Lambda")',
    );
    assert.equal(await guide.locator('.actions vscode-button').count(), 2);
    assert.equal(await guide.locator('a.hoc-reveal').count(), 1, 'the metrics link');
    assert.match((await guide.locator('#checks').textContent()) ?? '', /hello ran at least once/);
    await wb.screenshot('step-open');
  });

  test('deploys the step to the local cloud', { timeout: 180_000 }, async () => {
    const guide = await wb.webview('#check-progress');
    await guide.locator('.actions vscode-button', { hasText: 'Deploy the function' }).click();
    await actionResult(guide, 'deploy', /Deployed \d+ resource/).waitFor({ timeout: 150_000 });
    await wb.statusItem(/Local cloud/).waitFor();
    // The progress toast closes with the deploy: the guide's line is the one that stays.
    await wb.page
      .locator('.notification-toast', { hasText: /Deploying/ })
      .waitFor({ state: 'hidden', timeout: 10_000 });
    await wb.screenshot('deployed');
  });

  test('invokes the function and shows its Duration, cold start highlighted', { timeout: 120_000 }, async () => {
    const guide = await wb.webview('#check-progress');
    await guide.locator('.actions vscode-button', { hasText: 'Invoke hello' }).click();
    const result = await wb.webview('#duration', 90_000);
    assert.match((await result.locator('#duration .value').textContent()) ?? '', /^\d+(\.\d+)? (ms|s)$/);
    assert.equal(await result.locator('#cold-start').count(), 1, 'the first invocation is a cold start');
    assert.match((await result.locator('pre.payload').textContent()) ?? '', /Hello, student!/);
    assert.match((await result.locator('pre.logs').textContent()) ?? '', /REPORT RequestId: .*Init Duration/s);
    await wb.screenshot('invoked');
  });

  test('checks the step and sees it ticked', { timeout: 90_000 }, async () => {
    const guide = await wb.webview('#check-progress');
    await guide.locator('#check-progress').click();
    await guide.locator('.status', { hasText: /All 1 checks pass/ }).waitFor({ timeout: 60_000 });
    await guide.locator('li.check-passed', { hasText: 'hello ran at least once' }).waitFor();
    const row = wb.treeRow(/Step 2, Say hello from Lambda, done/);
    await row.waitFor();
    // The state shows once, as the row's icon: no checkbox beside it.
    assert.equal(await row.locator('.custom-view-tree-node-item-checkbox').count(), 0);
    assert.equal(await row.locator('.codicon-pass-filled').count(), 1);
    await wb.screenshot('step-checked');
  });

  test("the Invoke CodeLens invokes with the step's event, not the first saved one", { timeout: 90_000 }, async () => {
    // events/ holds hello-empty.json (first by name) and hello.json, the one step 2 invokes with.
    await wb.openFromTree(wb.treeRow(/Step 2, Say hello from Lambda/), 'h1:has-text("Say hello from Lambda")');
    // Only the handler open: the result view that appears is this invocation's.
    await wb.runCommand('View: Close All Editors');
    await wb.openFile('index.js');
    await wb.tab(/index\.js/).waitFor();
    const lens = wb.page.locator('.codelens-decoration a', { hasText: 'Invoke' }).first();
    await lens.waitFor({ timeout: 30_000 });
    await lens.click();
    const result = await wb.webview('#duration', 60_000);
    await result.locator('pre.payload', { hasText: 'Hello, student!' }).waitFor({ timeout: 30_000 });
    assert.match((await result.locator('body').textContent()) ?? '', /hello · local cloud/);
    assert.doesNotMatch((await result.locator('body').textContent()) ?? '', /hello-empty/);
    await wb.screenshot('codelens-step-event');
  });

  // The three views, each opened from a `hoc:reveal` link on the step's own resource (no name
  // typed), while the local cloud is still the target.
  test(
    'opens the function metrics from the step link: invocations and the cost estimate',
    { timeout: 60_000 },
    async () => {
      const guide = await wb.openFromTree(
        wb.treeRow(/Step 2, Say hello from Lambda/),
        'h1:has-text("Say hello from Lambda")',
      );
      await guide.locator('a.hoc-reveal', { hasText: 'see its metrics' }).click();
      const metrics = await wb.webview('.summary-cards .card');
      await wb.tab(/Metrics: 01-hello-HelloFunction/).waitFor();
      // The view reads the REPORT lines from the logs and refreshes by itself.
      await metrics
        .locator('.card[data-figure="count"] .card-value', { hasText: /^[1-9]/ })
        .waitFor({ timeout: 30_000 });
      assert.match((await metrics.locator('.summary-cards').textContent()) ?? '', /invocations/);
      await metrics.locator('.vt-row.cold').first().waitFor();
      await metrics.locator('h2', { hasText: 'Monthly cost estimate' }).waitFor();
      await wb.screenshot('metrics-view');
    },
  );

  test('sends a note and sees it in the queue view from the step link', { timeout: 120_000 }, async () => {
    const guide = await wb.openFromTree(wb.treeRow(/Step 1, Make a queue/), 'h1:has-text("Make a queue")');
    await guide.locator('.actions vscode-button', { hasText: 'Deploy the queue' }).click();
    await actionResult(guide, 'deploy', /Deployed 1 resource /).waitFor({ timeout: 150_000 });
    await guide.locator('.actions vscode-button', { hasText: 'Send a note' }).click();
    await actionResult(guide, 'send', /sent 1 message to NotesQueue/).waitFor({ timeout: 60_000 });
    await guide.locator('a.hoc-reveal', { hasText: 'watch the queue' }).click();
    const queue = await wb.webview('.counters');
    await wb.tab(/01-hello-NotesQueue/).waitFor();
    await queue
      .locator('.counter[data-counter="visible"] .counter-value', { hasText: /^1$/ })
      .waitFor({ timeout: 20_000 });
    await queue.locator('.messages .vt-row', { hasText: 'A note from the editor tests' }).waitFor({ timeout: 20_000 });
    await wb.screenshot('queue-view');
  });

  test(
    'right-click a queue in the Resources tree → Show Queue Messages opens that queue',
    { timeout: 60_000 },
    async () => {
      await wb.page.keyboard.press('Escape');
      await wb.runCommand('View: Close All Editors');
      // The row shows the queue without its lesson prefix, so its message count stays in view.
      const row = wb.treeRow(/^queue 01-hello-NotesQueue, 1 message/);
      await row.waitFor({ timeout: 30_000 });
      assert.equal((await row.locator('.label-name').textContent())?.trim(), 'NotesQueue');
      await wb.screenshot('resources-tree');
      await wb.contextMenu(row, 'Show Queue Messages');
      const queue = await wb.webview('.counters');
      await wb.tab(/Queue: 01-hello-NotesQueue/).waitFor();
      await queue
        .locator('.counter[data-counter="visible"] .counter-value', { hasText: /^1$/ })
        .waitFor({ timeout: 20_000 });
      await wb.screenshot('queue-from-tree');
    },
  );

  test('opens the workflow graph from the step link and sees an execution succeed', { timeout: 150_000 }, async () => {
    await wb.page.keyboard.press('Escape');
    let guide = await wb.openFromTree(wb.treeRow(/Step 3, Run a workflow/), 'h1:has-text("Run a workflow")');
    await guide.locator('.actions vscode-button', { hasText: 'Deploy the workflow' }).click();
    await actionResult(guide, 'deploy', /Deployed \d+ resource/).waitFor({ timeout: 150_000 });
    await guide.locator('a.hoc-reveal', { hasText: 'Open its graph' }).click();
    let graph = await wb.webview('svg.graph .selectable');
    await wb.tab(/State machine: 01-hello-HelloFlow/).waitFor();
    assert.ok((await graph.locator('svg.graph .selectable').count()) >= 3, 'Greet, Pause and Done are laid out');
    // The graph opened beside the guide: both stay in view.
    const tabs = await wb.visibleTabs();
    assert.ok(
      tabs.some((t) => /Hello, serverless/.test(t)) && tabs.some((t) => /State machine: 01-hello-HelloFlow/.test(t)),
      `visible: ${tabs.join(' | ')}`,
    );
    // The guide's action starts an execution and brings the graph to it; its result line stays visible.
    guide = await wb.webview('#check-progress');
    await guide.locator('.actions vscode-button', { hasText: 'Start an execution' }).click();
    graph = await wb.webview('svg.graph .selectable.status-succeeded', 60_000);
    for (const state of ['Greet', 'Pause', 'Done']) {
      await graph
        .locator('svg.graph .selectable.status-succeeded', { hasText: state })
        .first()
        .waitFor({ timeout: 20_000 });
    }
    const started = actionResult(guide, 'start', /SUCCEEDED|succeeded/);
    await started.waitFor({ timeout: 60_000 });
    assert.ok(
      await started.isVisible(),
      "the action's result is visible beside its button, with the graph open beside the guide",
    );
    await wb.screenshot('graph-beside-guide');
  });

  test(
    'palette → Show State Machine Graph → a pick of the deployed state machines → its graph',
    { timeout: 60_000 },
    async () => {
      await wb.runCommand('View: Close All Editors');
      await wb.runCommand('Hands-on Cloud: Show State Machine Graph');
      await wb
        .quickPickRow(/01-hello-HelloFlow/)
        .first()
        .click();
      await wb.webview('svg.graph .selectable');
      await wb.tab(/State machine: 01-hello-HelloFlow/).waitFor();
      await wb.screenshot('graph-from-palette');
    },
  );

  test('switches the target to LocalStack from the status bar', { timeout: 60_000 }, async () => {
    await wb.openQuickPickFrom(wb.statusItem(/Local cloud/));
    await wb
      .quickPickRow(/LocalStack/)
      .first()
      .click();
    await wb.statusItem(/LocalStack/).waitFor();
    await wb.screenshot('target-localstack');
  });
});
