// Lesson 05 in an Italian editor: code-server started with display language `it` (no language
// pack downloaded, see writeDisplayLanguage), the packaged VSIX installed. The Labs view, the
// step guide and the command palette show the Italian lesson and the extension's Italian
// strings; screenshots in test-results/e2e/ (it-*.png).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { installExtension, startCodeServer, writeDisplayLanguage, type CodeServer } from './harness/codeServer';
import { freshProfile } from './harness/profile';
import { packageVsix, VSIX } from './harness/build';
import { copyFixtureWorkspace } from './harness/workspace';
import { launchChromium } from './harness/browser';
import { Workbench } from './harness/workbench';

let server: CodeServer;
let browser: Browser;
let page: Page;
let wb: Workbench;

before(
  async () => {
    packageVsix();
    const { entry, dirs } = freshProfile('italian');
    writeDisplayLanguage(dirs.userDataDir, 'it');
    installExtension(entry, dirs, VSIX);
    server = await startCodeServer(entry, dirs, {}, ['--locale', 'it']);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    wb = new Workbench(page);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(copyFixtureWorkspace('italian'))}`);
    await wb.ready();
  },
  { timeout: 600_000 },
);

after(async () => {
  await page?.close();
  await browser?.close();
  await server?.stop();
  rmSync(VSIX, { force: true });
});

test('the Labs view lists lesson 05 with its Italian title and steps', { timeout: 150_000 }, async () => {
  await wb.activityTab(/Hands-on Cloud/).click();
  // The view's name comes from package.nls.it.json.
  await page
    .locator('.pane-header', { hasText: /Laboratori/i })
    .first()
    .waitFor({ timeout: 90_000 });
  const lesson = wb.treeRow(/Serverless su AWS/);
  await lesson.waitFor({ timeout: 90_000 });
  if ((await lesson.getAttribute('aria-expanded')) !== 'true') await lesson.click();
  await wb.treeRow(/Code — un producer FIFO in Python/).waitFor();
  await wb.screenshot('it-labs-view');
});

test('a step of lesson 05 opens in Italian: text, buttons, checks and hint', { timeout: 120_000 }, async () => {
  const guide = await wb.openFromTree(
    wb.treeRow(/Code — un producer FIFO in Python/),
    'h1:has-text("Code — un producer FIFO in Python")',
  );
  // The guide's heading is the step title from lesson.it.yaml (the markdown's own # line is not repeated).
  await guide.locator('h1', { hasText: 'Code — un producer FIFO in Python' }).waitFor();
  const body = (await guide.locator('body').textContent()) ?? '';
  assert.match(body, /Esegui il deploy delle due code/);
  assert.match(body, /La coda FIFO esiste/);
  assert.match(body, /Tocca a te/);
  assert.doesNotMatch(body, /Deploy the two queues|The FIFO queue exists/);
  assert.match((await guide.locator('#check-progress').textContent()) ?? '', /Verifica/);
  await wb.screenshot('it-step-guide');
});

test('the command palette offers the commands in Italian', { timeout: 60_000 }, async () => {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill('>Hands-on Cloud: Verifica i miei progressi');
  await wb
    .quickPickRow(/Verifica i miei progressi/)
    .first()
    .waitFor();
  await wb.screenshot('it-command-palette');
  await page.keyboard.press('Escape');
});
