// Lesson 05 as a student takes it in the real editor (code-server with the packaged VSIX,
// Debian's Chromium): open an exercise step from the Labs tree, read its guide (objectives,
// minutes, titled actions), deploy the starter and see the check fail with its reason, open the
// starter from the guide's link, write the code in the editor, deploy again and see the check
// pass and the step ticked in the tree, then open a "Think" question. Then step 12: the starter
// API is refused (no integration), the student writes it in template.yaml from the guide's link,
// and the API deploys and passes. Screenshots of each stage go to test-results/e2e-student-*.png.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { installExtension, startCodeServer, ROOT, type CodeServer } from './harness/codeServer';
import { freshProfile } from './harness/profile';
import { packageVsix, VSIX } from './harness/build';
import { launchChromium } from './harness/browser';
import { Workbench } from './harness/workbench';
import { copyRepositoryLesson, replaceEditorText, stageShots } from './harness/student';

const LESSON = '05-serverless';
const STEP_ROW = /^Step 11, pow over a function URL/;
const GUIDE_OF_STEP = 'h1:has-text("pow over a function URL")';
const API_GUIDE = 'h1:has-text("pow behind API Gateway")';

let server: CodeServer;
let browser: Browser;
let page: Page;
let wb: Workbench;
let shot: (name: string) => Promise<string>;
let workspace: string;

before(
  async () => {
    packageVsix();
    const { entry, dirs } = freshProfile('student');
    installExtension(entry, dirs, VSIX);
    server = await startCodeServer(entry, dirs, {});
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    wb = new Workbench(page);
    shot = stageShots(page, 'e2e-student');
    workspace = copyRepositoryLesson(LESSON);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await wb.ready();
  },
  { timeout: 600_000 },
);

after(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(VSIX, { force: true });
});

/** The step guide's frame, once it shows `title`. */
async function guideOf(title: string): Promise<Frame> {
  const guide = await wb.webview('#check-progress');
  await guide.locator('h1', { hasText: title }).waitFor();
  return guide;
}

describe('a student works through a lesson 05 exercise in the browser editor', { concurrency: false }, () => {
  afterEach(async (t) => {
    if (page && (t as unknown as { passed?: boolean }).passed === false)
      await shot(`failed-${t.name.replace(/\W+/g, '-')}`).catch(() => undefined);
  });

  test('opens the pow exercise from the Labs tree and reads its guide', { timeout: 150_000 }, async () => {
    await wb.activityTab(/Hands-on Cloud/).click();
    // The first activation waits for the extension host, slow on a busy machine.
    const lessonRow = wb.treeRow(/^Serverless on AWS/);
    await lessonRow.waitFor({ timeout: 90_000 });
    // The tree shows only the rows in view: scroll it down to the step, as a student does.
    const row = wb.treeRow(STEP_ROW);
    await lessonRow.hover();
    for (let i = 0; i < 20 && !(await row.isVisible()); i++) await page.mouse.wheel(0, 120);
    await wb.openFromTree(row, GUIDE_OF_STEP);
    const guide = await guideOf('pow over a function URL');
    assert.match((await guide.locator('.objectives .minutes').textContent()) ?? '', /About 20 minutes/);
    assert.equal(await guide.locator('.objectives li').count(), 2, 'the two learning objectives');
    // Actions that change the cloud are buttons, the one that opens a file a link; all titled.
    const labels = (await guide.locator('.actions [data-action]').allTextContents()).map((t) => t.trim());
    assert.deepEqual(labels, [
      'Open pow',
      'Deploy pow with its function URL',
      'GET ?x=2&y=10',
      'GET ?x=2',
      'GET ?x=abc&y=2',
    ]);
    assert.equal(await guide.locator('.actions li.action-view button.link-button[data-action="open-pow"]').count(), 1);
    assert.equal(await guide.locator('.actions li.action-cloud vscode-button').count(), 4);
    await guide.locator('li.check-unknown[data-check="pow-works"]', { hasText: /fresh random x and y/ }).waitFor();
    await shot('guide');
  });

  test('deploys the starter: the check fails and says why', { timeout: 240_000 }, async () => {
    const guide = await guideOf('pow over a function URL');
    await guide.locator('.actions vscode-button[data-action="deploy"]').click();
    const deployed = guide.locator('output[data-result-for="deploy"]');
    await deployed.filter({ hasText: /Deployed \d+ resource/ }).waitFor({ timeout: 200_000 });
    await shot('starter-deployed');
    await guide.locator('#check-progress').click();
    await guide.locator('.status', { hasText: /0 of 1 checks pass/ }).waitFor({ timeout: 60_000 });
    // The starter answers 501: the check's reason names the request and what it expected.
    const reason = (await guide.locator('li.check-failed[data-check="pow-works"] .reason').textContent()) ?? '';
    assert.match(reason, /answered 501 .*expected 200/s);
    await wb.treeRow(new RegExp(`${STEP_ROW.source}, check failed`)).waitFor();
    await shot('starter-check-failed');
  });

  test(
    'opens the starter from the guide, writes pow in the editor, deploys and passes',
    { timeout: 240_000 },
    async () => {
      const file = join(workspace, 'labs', LESSON, 'functions', 'pow', 'index.ts');
      assert.match(readFileSync(file, 'utf8'), /TODO/);
      const guide = await guideOf('pow over a function URL');
      await guide.locator('article.instructions a.hoc-view[data-href^="hoc:open?file=functions/pow/index.ts"]').click();
      await wb.tab(/index\.ts/).waitFor();
      const editor = page.locator('.editor-group-container .monaco-editor .view-lines').first();
      await editor.locator('.view-line', { hasText: 'export const handler' }).waitFor();
      await shot('starter-open');
      const solution = readFileSync(join(ROOT, 'labs', LESSON, 'solutions', 'pow', 'index.ts'), 'utf8');
      await replaceEditorText(page, editor, solution);
      // Saved once the save participants ran (slow while the TypeScript server starts): the
      // file on disk holds exactly what was pasted.
      for (let i = 0; i < 240 && readFileSync(file, 'utf8') !== solution; i++) await page.waitForTimeout(250);
      assert.equal(readFileSync(file, 'utf8'), solution);
      await page.locator('.tabs-container .tab.active:not(.dirty)', { hasText: 'index.ts' }).waitFor();
      await shot('solution-typed');

      await wb.openFromTree(wb.treeRow(STEP_ROW), GUIDE_OF_STEP);
      const again = await guideOf('pow over a function URL');
      await again.locator('.actions vscode-button[data-action="deploy"]').click();
      const deployed = again.locator('output[data-result-for="deploy"]');
      await deployed.filter({ hasText: /Deployed \d+ resource/ }).waitFor({ timeout: 200_000 });
      await again.locator('.actions vscode-button[data-action="pow-bad"]').click();
      const bad = again.locator('output[data-result-for="pow-bad"]');
      await bad.filter({ hasText: /→ 400:/ }).waitFor({ timeout: 30_000 });
      await again.locator('#check-progress').click();
      await again.locator('.status', { hasText: /All 1 checks pass/ }).waitFor({ timeout: 60_000 });
      await again.locator('li.check-passed[data-check="pow-works"]').waitFor();
      const row = wb.treeRow(new RegExp(`${STEP_ROW.source}, done`));
      await row.waitFor();
      assert.equal(await row.locator('.codicon-pass-filled').count(), 1);
      await shot('solution-check-passed');
    },
  );

  test("the next step's Think question stays closed until asked for", { timeout: 60_000 }, async () => {
    const guide = await guideOf('pow over a function URL');
    await guide.locator('#next').click();
    const next = await guideOf('pow behind API Gateway');
    const think = next.locator('article.instructions details', { hasText: 'Think:' }).first();
    assert.equal(await think.getAttribute('open'), null, 'collapsed at first');
    assert.equal(await think.locator('p', { hasText: 'nothing extra to pay' }).isVisible(), false);
    await think.locator('summary').click();
    await think.locator('p', { hasText: 'nothing extra to pay' }).waitFor();
    assert.notEqual(await think.getAttribute('open'), null);
    await think.scrollIntoViewIfNeeded();
    await shot('think-open');
  });

  test(
    'step 12: the starter API does not deploy and says why; the integration written in template.yaml deploys and passes',
    { timeout: 300_000 },
    async () => {
      const guide = await guideOf('pow behind API Gateway');
      // As first met, GET /pow has no integration: API Gateway refuses the deployment.
      await guide.locator('.actions vscode-button[data-action="deploy"]').click();
      const deployed = guide.locator('output[data-result-for="deploy"]');
      await deployed.filter({ hasText: /No integration defined for method/ }).waitFor({ timeout: 200_000 });
      assert.match((await deployed.getAttribute('class')) ?? '', /\berror\b/, 'shown as an error');
      await shot('api-starter-refused');

      // The guide's link opens template.yaml at the TODO; the student writes the integration there.
      await guide.locator('.actions [data-action="open-method"]').click();
      await wb.tab(/template\.yaml/).waitFor();
      const editor = page.locator('.editor-group-container .monaco-editor .view-lines').first();
      await editor.locator('.view-line', { hasText: 'TODO' }).first().waitFor();
      const file = join(workspace, 'labs', LESSON, 'template.yaml');
      const solution = readFileSync(join(ROOT, 'labs', LESSON, 'solutions', 'template.yaml'), 'utf8');
      await replaceEditorText(page, editor, solution);
      for (let i = 0; i < 240 && readFileSync(file, 'utf8') !== solution; i++) await page.waitForTimeout(250);
      assert.equal(readFileSync(file, 'utf8'), solution);
      await shot('api-integration-written');

      const again = await wb.openFromTree(wb.treeRow(/^Step 12, pow behind API Gateway/), API_GUIDE);
      await again.locator('.actions vscode-button[data-action="deploy"]').click();
      await again
        .locator('output[data-result-for="deploy"]')
        .filter({ hasText: /Deployed \d+ resource/ })
        .waitFor({ timeout: 200_000 });
      await again.locator('.actions vscode-button[data-action="api-prod"]').click();
      await again
        .locator('output[data-result-for="api-prod"]')
        .filter({ hasText: /→ 200:/ })
        .waitFor({ timeout: 30_000 });
      await again.locator('#check-progress').click();
      await again.locator('.status', { hasText: /All 3 checks pass/ }).waitFor({ timeout: 90_000 });
      await wb.treeRow(/^Step 12, pow behind API Gateway, done/).waitFor();
      await shot('api-check-passed');
    },
  );
});
