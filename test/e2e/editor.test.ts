// The extension in a real editor: code-server 4.100 (VS Code 1.100 in the browser) with the
// packaged VSIX installed, driven by Debian's Chromium. One code-server serves both layers:
//  1. the integration suite (test/integration) inside the extension host, through VS Code web's
//     `payload` (extensionDevelopmentPath + extensionTestsPath); results come back as JSON;
//  2. a student's path through the UI: open the lesson, open a step, deploy, invoke and read the
//     Duration, check the step and see it ticked, switch target — with screenshots in test-results/e2e/.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ensureCodeServer, installExtension, startCodeServer, writeUserSettings, ROOT, type CodeServer } from './harness/codeServer';
import { buildIntegrationSuite, INTEGRATION_INDEX, packageVsix, VSIX } from './harness/build';
import { copyFixtureWorkspace, payloadUrl, tempDir } from './harness/workspace';
import { launchChromium } from './harness/browser';
import { SHOTS, Workbench } from './harness/workbench';

let server: CodeServer;
let browser: Browser;
let resultsFile: string;

before(async () => {
  rmSync(SHOTS, { recursive: true, force: true });
  packageVsix();
  await buildIntegrationSuite();
  const entry = ensureCodeServer();
  const base = tempDir('suite');
  const dirs = { userDataDir: join(base, 'user-data'), extensionsDir: join(base, 'extensions') };
  writeUserSettings(dirs.userDataDir);
  installExtension(entry, dirs, VSIX);
  resultsFile = join(base, 'integration-results.json');
  server = await startCodeServer(entry, dirs, { HOC_INTEGRATION_RESULTS: resultsFile });
  browser = await launchChromium();
}, { timeout: 600_000 });

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
      assert.ok(results?.done, `the suite did not finish; got ${JSON.stringify(results)}\n${server.log().slice(-2000)}`);
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
    if (wb && (t as unknown as { passed?: boolean }).passed === false) await wb.screenshot(`failed-${t.name.replace(/\W+/g, '-')}`).catch(() => undefined);
  });

  before(async () => {
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    wb = new Workbench(page);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(copyFixtureWorkspace('ui'))}`);
    await wb.ready();
  }, { timeout: 120_000 });

  after(async () => {
    await page?.close();
  });

  test('opens the lesson from the Hands-on Cloud view', { timeout: 60_000 }, async () => {
    await wb.activityTab(/Hands-on Cloud/).click();
    await wb.treeRow(/Hello, serverless/).waitFor();
    await wb.runCommand('Hands-on Cloud: Open Lesson');
    const guide = await wb.webview('#check-progress');
    await guide.locator('h1', { hasText: 'Make a queue' }).waitFor();
    await wb.screenshot('lesson-open');
  });

  test('opens a step from the Labs tree', { timeout: 60_000 }, async () => {
    await wb.treeRow(/Step 2, Say hello from Lambda/).click();
    const guide = await wb.webview('#check-progress');
    await guide.locator('h1', { hasText: 'Say hello from Lambda' }).waitFor();
    assert.equal(await guide.locator('.actions vscode-button').count(), 2);
    assert.match((await guide.locator('#checks').textContent()) ?? '', /hello ran at least once/);
    await wb.screenshot('step-open');
  });

  test('deploys the step to the local cloud', { timeout: 180_000 }, async () => {
    const guide = await wb.webview('#check-progress');
    await guide.locator('.actions vscode-button', { hasText: 'Deploy the function' }).click();
    await guide.locator('.status', { hasText: /Deployed \d+ resource/ }).waitFor({ timeout: 150_000 });
    await wb.statusItem(/Local cloud/).waitFor();
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
    assert.match((await row.locator('.custom-view-tree-node-item-checkbox').getAttribute('class')) ?? '', /checked/);
    await wb.screenshot('step-checked');
  });

  test('unticks and ticks a step by hand in the Labs tree', { timeout: 60_000 }, async () => {
    await wb.treeRow(/Step 2, Say hello from Lambda, done/).locator('.custom-view-tree-node-item-checkbox').click();
    await wb.treeRow(/Step 2, Say hello from Lambda, in progress/).waitFor();
    await wb.treeRow(/Step 2, Say hello from Lambda, in progress/).locator('.custom-view-tree-node-item-checkbox').click();
    await wb.treeRow(/Step 2, Say hello from Lambda, done/).waitFor();
  });

  test('switches the target to LocalStack from the status bar', { timeout: 60_000 }, async () => {
    await wb.openQuickPickFrom(wb.statusItem(/Local cloud/));
    await wb.quickPickRow(/LocalStack/).first().click();
    await wb.statusItem(/LocalStack/).waitFor();
    await wb.screenshot('target-localstack');
  });
});
