// The SQS view in Chromium against the local cloud: 1,000 messages in a virtualised table,
// counters, the DLQ link, keyboard selection, sending from the form, under the panel's CSP.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  SQSClient,
  SendMessageBatchCommand,
  SendMessageCommand,
} from '@aws-sdk/client-sqs';
import { startTestCloud, type TestCloud } from '../../helpers/cloud';
import { sqsParams } from '../../../src/shared/webviewProtocolSqs';
import { sqsHandlers } from '../../../src/extension/webviews/sqs/sqsHandlers';
import { CHROMIUM, longTasks, shot, startHarness, violations, type Harness } from './viewHarness';

const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (set HOC_CHROMIUM)`;
let cloud: TestCloud;
let sqs: SQSClient;
let harness: Harness;
let url: string;
let dlqUrl: string;
const opened: string[] = [];

before(async () => {
  if (skip) return;
  cloud = await startTestCloud();
  sqs = new SQSClient(cloud.clientConfig);
  dlqUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'photos-dlq' }))).QueueUrl!;
  const dlqArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ['QueueArn'] })))
    .Attributes!.QueueArn!;
  url = (
    await sqs.send(
      new CreateQueueCommand({
        QueueName: 'photos',
        Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 3 }) },
      }),
    )
  ).QueueUrl!;
  const batches = [];
  for (let b = 0; b < 100; b++) {
    batches.push(
      sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: url,
          Entries: Array.from({ length: 10 }, (_, i) => ({
            Id: String(i),
            MessageBody: JSON.stringify({ photo: `img-${b * 10 + i}.jpg`, note: '<b>not markup</b>' }),
          })),
        }),
      ),
    );
  }
  await Promise.all(batches);
  harness = await startHarness();
});

after(async () => {
  if (skip) return;
  await harness.close();
  sqs.destroy();
  await cloud.stop();
});

function open() {
  const settings = {
    kind: 'local' as const,
    endpoint: cloud.clientConfig.endpoint,
    region: cloud.clientConfig.region,
    credentials: cloud.clientConfig.credentials,
  };
  return harness.open({
    view: 'sqs',
    styles: ['common', 'sqs'],
    params: sqsParams,
    handlers: sqsHandlers({
      client: sqs,
      target: settings,
      url,
      confirmPurge: async () => false,
      openQueue: async (u) => void opened.push(u),
    }),
    state: { queueUrl: url },
  });
}

test('1,000 messages: counters, a virtualised table, keyboard selection, text never markup', { skip }, async () => {
  const started = Date.now();
  const v = await open();
  const { page } = v;
  await page.getByText('1000 messages.', { exact: false }).waitFor({ timeout: 20_000 });
  const rendered = Date.now() - started;
  assert.equal(await page.locator('[data-counter=visible] .counter-value').textContent(), '1,000');
  assert.equal(await page.locator('[data-counter=inFlight] .counter-value').textContent(), '0');
  assert.match((await page.locator('.note').textContent())!, /peek: nothing is received/);
  const rows = await page.locator('.vt-body .vt-row').count();
  assert.ok(rows > 10 && rows < 100, `only the rows in view are in the DOM (${rows})`);
  assert.equal(await page.locator('[role=grid]').getAttribute('aria-rowcount'), '1001');
  // Bodies are text: the <b> in a message is not an element.
  assert.equal(await page.locator('.vt-body b').count(), 0);
  // Keyboard: focus the grid, go to the end, open the last message.
  await page.locator('[role=grid]').focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  const detail = (await page.locator('.detail pre.body').textContent())!;
  assert.match(detail, /"photo": "img-\d+\.jpg"/);
  assert.match(detail, /<b>not markup<\/b>/);
  const state = (await v.state()) as { selectedMessageId?: string; queueUrl: string };
  assert.equal(state.queueUrl, url);
  assert.ok(state.selectedMessageId, 'the selection is kept in the view state');
  // The DLQ link opens the dead-letter queue's view.
  await page.getByRole('link', { name: 'photos-dlq' }).click();
  await new Promise((r) => setTimeout(r, 300));
  assert.deepEqual(opened, [dlqUrl]);
  await shot(page, 'sqs-1000');
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(v.problems, []);
  const blocked = await longTasks(page).catch(() => [] as number[]);
  console.log(
    `# sqs view: 1,000 messages listed and rendered in ${rendered} ms (including page load); longest main-thread task ${Math.max(0, ...blocked)} ms`,
  );
  await page.close();
});

test('sending from the form adds a message; the counters follow', { skip }, async () => {
  const v = await open();
  const { page } = v;
  await page
    .getByText(/^\d[\d,]* messages?\b/)
    .first()
    .waitFor({ timeout: 20_000 });
  const before = Number((await page.locator('[data-counter=visible] .counter-value').textContent())!.replace(/,/g, ''));
  await page.locator('vscode-collapsible.send-form').click();
  await page.locator('vscode-textarea[aria-label="Message body"]').evaluate((el, text) => {
    (el as HTMLElement & { value: string }).value = text;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, 'hello from the view');
  await page.locator('vscode-button', { hasText: 'Send' }).click();
  await page.getByText(/Sent message [0-9a-f-]{36}/).waitFor({ timeout: 10_000 });
  await page.waitForFunction(
    (n) =>
      document.querySelector('[data-counter=visible] .counter-value')?.textContent?.replace(/,/g, '') === String(n + 1),
    before,
    { timeout: 10_000 },
  );
  assert.ok(v.requests.includes('send'));
  const draft = (await v.state()) as { draft?: { body: string } };
  assert.equal(draft.draft?.body, 'hello from the view', 'the draft is kept across hide/show');
  assert.deepEqual(v.problems, []);
  await page.close();
});

test(
  'a message sent elsewhere shows without a click: the view polls the counters and follows them',
  { skip },
  async () => {
    const v = await open();
    const { page } = v;
    await page
      .getByText(/^\d[\d,]* messages?\b/)
      .first()
      .waitFor({ timeout: 20_000 });
    const before = Number(
      (await page.locator('[data-counter=visible] .counter-value').textContent())!.replace(/,/g, ''),
    );
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'sent by another program' }));
    await page.waitForFunction(
      (n) =>
        document.querySelector('[data-counter=visible] .counter-value')?.textContent?.replace(/,/g, '') ===
        String(n + 1),
      before,
      { timeout: 20_000 },
    );
    assert.ok(v.requests.includes('counters'), `requests: ${[...new Set(v.requests)].join(', ')}`);
    assert.deepEqual(v.problems, []);
    await page.close();
  },
);
