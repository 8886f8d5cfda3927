// Integration tests in the extension host: activation, manifest ↔ registered commands, the
// lesson catalog and progress, the local cloud process and terminal environment, deploying a
// step to the local cloud (checked with the AWS SDK), and switching targets.
import * as vscode from 'vscode';
import assert from 'node:assert/strict';
import { GetQueueAttributesCommand, GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { test } from './runner';
import type { HandsOnCloudApi } from '../../src/extension/api';
import { Commands, EXTENSION_ID } from '../../src/extension/ids';

let api: HandsOnCloudApi;

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 20_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test('activates and exports its API', async () => {
  const ext = vscode.extensions.getExtension<HandsOnCloudApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  api = await ext.activate();
  assert.equal(typeof api.lessons, 'function');
  assert.ok(Number.isFinite(api.activationMs) && api.activationMs > 0, `activation time measured: ${api.activationMs}`);
  console.log(`activation took ${api.activationMs.toFixed(1)} ms`);
});

test('registers every command the manifest contributes', async () => {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  const declared = (ext.packageJSON.contributes.commands as Array<{ command: string }>).map((c) => c.command);
  // Activation registers stand-ins; the features it loads right after replace them with theirs.
  await api.lessons();
  const registered = new Set(await vscode.commands.getCommands(true));
  const ours: string[] = Object.values(Commands);
  assert.deepEqual([...declared].sort(), [...ours].sort(), 'the id tables and package.json list the same commands');
  const missing = ours.filter((c) => !registered.has(c));
  assert.deepEqual(missing, [], 'every command is registered once the features have loaded');
});

test('finds the workspace lesson with its steps, not started', async () => {
  const lessons = await api.lessons();
  const hello = lessons.find((l) => l.id === '01-hello');
  assert.ok(hello, `lessons found: ${lessons.map((l) => l.id).join(', ')}`);
  assert.equal(hello.bundled, false);
  assert.deepEqual(
    hello.steps.map((s) => s.id),
    ['queue', 'function', 'workflow'],
  );
});

test('opening a step records it as in progress', async () => {
  await vscode.commands.executeCommand(Commands.openStep, { lesson: '01-hello', step: 'queue' });
  const state = await until('step state', async () => {
    const s = (await api.lessons()).find((l) => l.id === '01-hello')!.steps[0].state;
    return s === 'notStarted' ? undefined : s;
  });
  assert.equal(state, 'inProgress');
  const tab = vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('handsOnCloud.stepGuide'));
  assert.ok(tab, 'the step guide is open in a tab');
});

test('starts the local cloud on demand and gives terminals its endpoint', async () => {
  await vscode.commands.executeCommand(Commands.startLocalCloud);
  const cloud = await until(
    'local cloud running',
    () => (api.localCloud().state === 'running' ? api.localCloud() : undefined),
    30_000,
  );
  assert.match(cloud.endpoint ?? '', /^http:\/\/127\.0\.0\.1:\d+$/);
  const env = await until('terminal environment', () =>
    api.terminalEnvironment().AWS_ENDPOINT_URL ? api.terminalEnvironment() : undefined,
  );
  assert.equal(env.AWS_ENDPOINT_URL, cloud.endpoint);
  assert.equal(env.AWS_ACCESS_KEY_ID, cloud.credentials?.accessKeyId);
  assert.equal(env.AWS_REGION, cloud.region);
});

test('deploying a step creates its resources on the local cloud, with the template parameters from the settings', async () => {
  const settings = vscode.workspace.getConfiguration('handsOnCloud');
  await settings.update('templateParameters', { NotesRetentionSeconds: '86400' }, vscode.ConfigurationTarget.Global);
  const cloud = api.localCloud();
  const sqs = new SQSClient({ endpoint: cloud.endpoint, region: cloud.region!, credentials: cloud.credentials! });
  try {
    await vscode.commands.executeCommand(Commands.deployStep, { lesson: '01-hello', step: 'queue' });
    const out = await sqs.send(new GetQueueUrlCommand({ QueueName: '01-hello-NotesQueue' }));
    assert.match(out.QueueUrl ?? '', /01-hello-NotesQueue$/);
    const attrs = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: out.QueueUrl, AttributeNames: ['MessageRetentionPeriod'] }),
    );
    assert.equal(attrs.Attributes?.MessageRetentionPeriod, '86400');
  } finally {
    sqs.destroy();
    await settings.update('templateParameters', undefined, vscode.ConfigurationTarget.Global);
  }
}, 90_000);

test('Show Queue Messages on a Resources tree item opens that queue, not a prompt', async () => {
  const cloud = api.localCloud();
  const sqs = new SQSClient({ endpoint: cloud.endpoint, region: cloud.region!, credentials: cloud.credentials! });
  try {
    const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: '01-hello-NotesQueue' }));
    // The argument exactly as the Resources tree hands it to its context menu's commands.
    const node = {
      type: 'entry',
      entry: {
        kind: 'queue',
        key: `queue:${QueueUrl}`,
        label: '01-hello-NotesQueue',
        ref: { queueUrl: QueueUrl!, name: '01-hello-NotesQueue' },
        icon: 'inbox',
      },
    };
    await vscode.commands.executeCommand(Commands.showQueueMessages, node);
    const tab = await until('the queue view', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === 'Queue: 01-hello-NotesQueue'),
    );
    assert.ok(tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('handsOnCloud.sqsMessages'));
  } finally {
    sqs.destroy();
  }
});

test('checking a deployed step runs its checks and marks it done', async () => {
  await vscode.commands.executeCommand(Commands.checkStep, { lesson: '01-hello', step: 'queue' });
  const state = await until('step done', async () => {
    const s = (await api.lessons()).find((l) => l.id === '01-hello')!.steps[0].state;
    return s === 'done' || s === 'checkFailed' ? s : undefined;
  });
  assert.equal(state, 'done');
}, 60_000);

test('Run Lesson runs every step through the lesson engine, as hoc lab run does, and records progress', async () => {
  await vscode.commands.executeCommand(Commands.runLesson, { lesson: '01-hello' });
  const states = (await api.lessons()).find((l) => l.id === '01-hello')!.steps.map((s) => `${s.id}:${s.state}`);
  // The function step deploys, invokes and is checked (its check needs the invoke's REPORT line);
  // the workflow step's execution must succeed.
  assert.deepEqual(states, ['queue:done', 'function:done', 'workflow:done']);
}, 150_000);

test('resetting a step forgets its progress', async () => {
  await vscode.commands.executeCommand(Commands.resetStep, { lesson: '01-hello', step: 'queue' });
  assert.equal((await api.lessons()).find((l) => l.id === '01-hello')!.steps[0].state, 'notStarted');
});

test('switching to LocalStack changes the target and the terminal environment', async () => {
  const settings = vscode.workspace.getConfiguration('handsOnCloud');
  await settings.update('target', 'localstack', vscode.ConfigurationTarget.Global);
  try {
    await until('target localstack', () => (api.target().kind === 'localstack' ? true : undefined));
    const env = await until('localstack env', () =>
      api.terminalEnvironment().AWS_ENDPOINT_URL === 'http://localhost:4566' ? api.terminalEnvironment() : undefined,
    );
    assert.equal(env.AWS_ACCESS_KEY_ID, 'test');
    assert.equal(api.target().label, 'LocalStack');
  } finally {
    await settings.update('target', undefined, vscode.ConfigurationTarget.Global);
  }
  await until('back to local', () => (api.target().kind === 'local' ? true : undefined));
});

test('stops the local cloud on request', async () => {
  await vscode.commands.executeCommand(Commands.stopLocalCloud);
  await until('local cloud stopped', () => (api.localCloud().state === 'stopped' ? true : undefined));
});
