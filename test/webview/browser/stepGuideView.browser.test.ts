// The step guide in Chromium under the panel's CSP, over a real lesson on the local cloud:
// objectives and minutes, cloud-changing actions as buttons and view actions as links, each
// action's result beside its control (from the real lesson engine), human titles, code blocks
// that scroll instead of wrapping and carry no per-line background, "Think" answers collapsed
// until opened, and no markup or handler a lesson could smuggle in.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { startTestCloud, type TestCloud } from '../../helpers/cloud';
import { copyFixture, type FixtureCopy } from '../../lab/lessonFixture';
import { LabSession, loadLesson, runAction, runChecks, actionChangesCloud } from '../../../src/lab';
import { resolveTarget } from '../../../src/cloud';
import { renderStepMarkdown, stripLeadingTitle } from '../../../src/shared/stepMarkdown';
import { stepGuideParams, type GuideStep, type StepGuideMethods } from '../../../src/shared/webviewProtocolStepGuide';
import type { Handlers } from '../../../src/extension/webviews/handlers';
import { CHROMIUM, shot, startHarness, violations, type Harness } from './viewHarness';

const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (set HOC_CHROMIUM)`;
let cloud: TestCloud;
let harness: Harness;
let fixture: FixtureCopy;
let session: LabSession;
const links: string[] = [];

const MARKDOWN = `# Storage

[Deploy](hoc:deploy) the queue and the bucket, then [send hi](hoc:action?id=send) and read
[the data file](hoc:open?file=data/a.txt) or [the Resources view](hoc:reveal?view=resources).

\`\`\`bash
aws sqs receive-message --queue-url "$QUEUE_URL" --max-number-of-messages 10 --wait-time-seconds 20 --attribute-names All --message-attribute-names All
echo second line
\`\`\`

<details><summary>Think: why does S3 send a message of its own?</summary>

Because the bucket **notifies** the queue when an object is created.

</details>

<details onclick="alert(1)"><summary>Not allowed</summary></details>
<script>window.__pwned = true</script>
<img src=x onerror="window.__pwned = true">
`;

before(async () => {
  if (skip) return;
  cloud = await startTestCloud();
  fixture = copyFixture('storage');
  fixture.replace(
    'lesson.yaml',
    '    instructions: steps/01-storage.md\n',
    '    instructions: steps/01-storage.md\n    objectives: [Deploy a queue and a bucket, See S3 notify SQS]\n    minutes: 12\n',
  );
  fixture.replace('lesson.yaml', '{ type: sendMessage, id: send,', '{ type: sendMessage, id: send-ignored,');
  fixture.replace(
    'lesson.yaml',
    '      - { type: upload, id: upload,',
    '      - { type: sendMessage, id: send, title: Send hi to the inbox, queue: Inbox, body: hi }\n      - { type: reveal, id: show, title: Show the resources, view: resources }\n      - { type: upload, id: upload,',
  );
  fixture.write('steps/01-storage.md', MARKDOWN);
  session = new LabSession(
    loadLesson(fixture.dir),
    resolveTarget({ kind: 'local', endpoint: cloud.endpoint, credentials: cloud.credentials }),
  );
  harness = await startHarness();
});

after(async () => {
  if (skip) return;
  await harness.close();
  fixture.remove();
  await cloud.stop();
});

/** What the editor's host sends for the step, built from the same lesson model and renderer. */
function model(): GuideStep {
  const lesson = session.lesson;
  const step = lesson.steps[0];
  return {
    lessonId: lesson.id,
    lessonDir: fixture.dir,
    lessonTitle: lesson.title,
    stepId: step.id,
    index: 0,
    count: lesson.steps.length,
    title: step.title,
    objectives: step.objectives,
    minutes: step.minutes,
    html: renderStepMarkdown(stripLeadingTitle(fixture.read(step.instructions)), { imageUrl: () => undefined }),
    actions: step.actions.map((a) => ({
      id: a.id,
      label: a.title,
      icon: a.type === 'reveal' ? 'eye' : 'play',
      changesCloud: actionChangesCloud(a.type),
    })),
    checks: step.checks.map((c) => ({ id: c.id, sentence: c.title })),
    solutionFiles: [],
    state: 'notStarted',
    target: 'local cloud',
  };
}

function handlers(): Handlers<StepGuideMethods> {
  const step = () => session.lesson.steps[0];
  const act = async (id: string) =>
    (
      await runAction(
        session,
        step(),
        step().actions.find((a) => a.id === id) ?? { type: 'deploy', id: 'deploy', title: 'Deploy' },
      )
    ).summary;
  return {
    link: async ({ href }) => void links.push(href),
    action: async ({ id }) => ({ summary: await act(id) }),
    deploy: async () => ({ summary: await act('deploy') }),
    check: async () =>
      (await runChecks(session, step())).map((r) => ({
        id: r.checkId,
        sentence: r.title,
        passed: r.passed,
        reason: r.passed ? undefined : r.message,
      })),
    navigate: async () => undefined,
    solution: async () => undefined,
  };
}

test(
  'the step guide reads like a lab: objectives, buttons vs links, results beside them, Think collapsed, safe HTML',
  { skip, timeout: 180_000 },
  async () => {
    const v = await harness.open({
      view: 'stepGuide',
      styles: ['common', 'stepGuide'],
      params: stepGuideParams,
      handlers: handlers(),
    });
    const { page } = v;
    await page.evaluate(
      `window.postMessage(${JSON.stringify({ kind: 'event', event: { type: 'step', step: model() } })}, '*')`,
    );
    await page.locator('h1').filter({ hasText: 'Storage' }).waitFor();

    // Objectives and minutes above the instructions.
    assert.equal(await page.locator('.objectives .minutes').textContent(), ' About 12 minutes');
    assert.deepEqual(await page.locator('.objectives li').allTextContents(), [
      'Deploy a queue and a bucket',
      'See S3 notify SQS',
    ]);

    // Cloud-changing links are buttons with a codicon; links that open something stay links.
    const look = (text: string) =>
      page.locator('.instructions a', { hasText: text }).evaluate((a) => ({
        cls: a.className,
        icon: a.querySelector('.codicon')?.className,
        bg: getComputedStyle(a).backgroundColor,
        underline: getComputedStyle(a).textDecorationLine,
      }));
    const deploy = await look('Deploy');
    const open = await look('the data file');
    assert.match(deploy.cls, /hoc-cloud/);
    assert.match(String(deploy.icon), /codicon-cloud-upload/);
    assert.match(open.cls, /hoc-view/);
    assert.notEqual(deploy.bg, open.bg, 'a button has a background a link has not');
    assert.equal(open.underline, 'underline');
    assert.match((await look('send hi')).cls, /hoc-cloud/);
    assert.match((await look('the Resources view')).cls, /hoc-view/);
    // The actions list: a button for sending, a text link for revealing a view, each with its human title.
    assert.equal(await page.locator('li.action-cloud vscode-button[data-action=send]').count(), 1);
    assert.equal(await page.locator('li.action-view button.link-button[data-action=show]').count(), 1);
    assert.deepEqual(
      (await page.locator('li.action').allTextContents()).map((t) => t.trim()),
      ['Send hi to the inbox', 'Show the resources', 'Upload a.txt to pending/', 'Send hi to the inbox'],
    );
    assert.deepEqual(await page.locator('li.check .sentence').allTextContents(), [
      'The object is in the bucket',
      'S3 notified the queue',
    ]);

    // Results appear beside what ran them: the inline deploy link, then the action's button (real engine, local cloud).
    await page.locator('.instructions a', { hasText: 'Deploy' }).click();
    const deployResult = page.locator('.instructions a.hoc-deploy + output.link-result');
    await deployResult.filter({ hasText: /deployed|up to date|Deployed/i }).waitFor({ timeout: 120_000 });
    await page.locator('vscode-button[data-action=send]').click();
    await page
      .locator('output[data-result-for=send]')
      .filter({ hasText: /sent|Sent/ })
      .waitFor({ timeout: 60_000 });
    assert.equal(await page.locator('.status').textContent(), '', 'results are not only in a separate line');
    // The host resends the step after every progress or target change; the redraw keeps each result beside its control.
    await page.evaluate(
      `window.postMessage(${JSON.stringify({ kind: 'event', event: { type: 'step', step: { ...model(), state: 'inProgress' } } })}, '*')`,
    );
    await page.locator('h1 .state-inProgress').waitFor();
    assert.match((await page.locator('li.action output[data-result-for=send]').textContent()) ?? '', /sent|Sent/);
    assert.match((await deployResult.textContent()) ?? '', /deployed|up to date|Deployed/i);

    // Code blocks scroll sideways, one background for the block, none per line.
    const code = await page.locator('.instructions pre').evaluate((pre) => {
      const c = pre.querySelector('code')!;
      return {
        scroll: pre.scrollWidth > pre.clientWidth,
        overflow: getComputedStyle(pre).overflowX,
        whiteSpace: getComputedStyle(c).whiteSpace,
        codeBg: getComputedStyle(c).backgroundColor,
      };
    });
    assert.deepEqual(code, { scroll: true, overflow: 'auto', whiteSpace: 'pre', codeBg: 'rgba(0, 0, 0, 0)' });

    // "Think" answers are collapsed until asked for, and open from the keyboard.
    const think = page.locator('.instructions details', { hasText: 'Think: why' });
    assert.equal(await think.evaluate((d) => (d as HTMLDetailsElement).open), false);
    assert.equal(await think.locator('strong').isVisible(), false);
    await think.locator('summary').focus();
    await page.keyboard.press('Enter');
    assert.equal(await think.locator('strong', { hasText: 'notifies' }).isVisible(), true);

    // Nothing a lesson writes becomes script, a handler or an image: it shows as text.
    assert.equal(await page.evaluate('window.__pwned === true'), false);
    assert.equal(
      await page
        .locator('.instructions script, .instructions img, .instructions [onclick], .instructions [onerror]')
        .count(),
      0,
    );
    assert.match(String(await page.locator('.instructions').textContent()), /<script>window.__pwned = true<\/script>/);

    // A view link goes to the host as a link.
    await page.locator('.instructions a', { hasText: 'the Resources view' }).click();
    await page.waitForFunction(() => !document.getElementById('app')?.classList.contains('busy'));
    assert.deepEqual(links, ['hoc:reveal?view=resources']);

    await shot(page, 'step-guide');
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(v.problems, []);

    // The status line speaks of the step it was said on: the next step starts without it.
    await page.locator('#check-progress').click();
    await page.locator('.status', { hasText: /checks pass/ }).waitFor({ timeout: 60_000 });
    const next = { ...model(), stepId: 'next-step', title: 'The next step', index: 1 };
    await page.evaluate(
      `window.postMessage(${JSON.stringify({ kind: 'event', event: { type: 'step', step: next } })}, '*')`,
    );
    await page.locator('h1', { hasText: 'The next step' }).waitFor();
    assert.equal(await page.locator('.status').textContent(), '');
  },
);
