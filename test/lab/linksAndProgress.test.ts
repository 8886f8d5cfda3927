// Command links parse into typed links with their lines; progress moves through its states.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  findStepLinks,
  JsonFileProgressStore,
  KeyValueProgressStore,
  parseLessonLink,
  recordChecks,
  recordStarted,
  stepsLeft,
} from '../../src/lab';

test('links: every verb parses; mistakes say what a correct link looks like', () => {
  assert.deepEqual(parseLessonLink('hoc:open?file=functions/pow/index.ts&line=3'), {
    ok: true,
    link: { kind: 'open', file: 'functions/pow/index.ts', line: 3, match: undefined },
  });
  assert.deepEqual(parseLessonLink('hoc:open?file=a.ts&match=export%20const'), {
    ok: true,
    link: { kind: 'open', file: 'a.ts', line: undefined, match: 'export const' },
  });
  assert.deepEqual(parseLessonLink('hoc:deploy?step=sqs'), { ok: true, link: { kind: 'deploy', step: 'sqs' } });
  assert.deepEqual(parseLessonLink('hoc:terminal?cmd=aws%20sqs%20list-queues'), {
    ok: true,
    link: { kind: 'terminal', cmd: 'aws sqs list-queues' },
  });
  assert.deepEqual(parseLessonLink('hoc:reveal?view=graph'), {
    ok: true,
    link: { kind: 'reveal', view: 'graph', resource: undefined },
  });
  assert.deepEqual(parseLessonLink('hoc:action?id=send'), {
    ok: true,
    link: { kind: 'action', id: 'send', step: undefined },
  });
  assert.deepEqual(parseLessonLink('hoc:open?file=a&line=0'), {
    ok: false,
    error: "'hoc:open' line must be a positive whole number, not '0'",
  });
  assert.deepEqual(parseLessonLink('hoc:open?file=a&match=(('), {
    ok: false,
    error: "'hoc:open' match is not a valid regular expression: Invalid regular expression: /((/: Unterminated group",
  });
  assert.deepEqual(parseLessonLink('hoc:deploy?steps=x'), {
    ok: false,
    error: "'hoc:deploy' has no parameter 'steps'; it takes step",
  });
  assert.deepEqual(parseLessonLink('hoc:action'), {
    ok: false,
    error: "'hoc:action' needs an action id: hoc:action?id=ACTION",
  });
});

test('links are found with their own line inside multi-line paragraphs, lists and tables', () => {
  const md =
    '# T\n\nIntro line\nsecond [Deploy](hoc:deploy) line\n\n1. item\n   [Run](hoc:action?id=a)\n\n| a | b |\n|---|---|\n| [x](hoc:check) | y |\n\n[web](https://example.com)\n';
  assert.deepEqual(
    findStepLinks(md).map((l) => [l.href, l.text, l.line]),
    [
      ['hoc:deploy', 'Deploy', 4],
      ['hoc:action?id=a', 'Run', 7],
      ['hoc:check', 'x', 11],
    ],
  );
});

test('progress: not started → in progress → check failed → done, kept in a JSON file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hoc-progress-'));
  try {
    const path = join(dir, 'progress.json');
    const store = new JsonFileProgressStore(path);
    assert.equal(store.get('l', 's').state, 'notStarted');
    recordStarted(store, 'l', 's');
    assert.equal(store.get('l', 's').state, 'inProgress');
    recordChecks(store, 'l', 's', [
      { checkId: 'c', title: 'Queue', passed: false, message: 'queue has 0 messages; send one first' },
    ]);
    assert.deepEqual(new JsonFileProgressStore(path).get('l', 's').failures, [
      'Queue: queue has 0 messages; send one first',
    ]);
    recordStarted(store, 'l', 's');
    assert.equal(store.get('l', 's').state, 'checkFailed');
    recordChecks(store, 'l', 's', [{ checkId: 'c', title: 'Queue', passed: true, message: 'ok' }]);
    const reread = new JsonFileProgressStore(path);
    assert.equal(reread.get('l', 's').state, 'done');
    assert.deepEqual(Object.keys(reread.all('l')), ['s']);
    reread.reset('l');
    assert.equal(new JsonFileProgressStore(path).get('l', 's').state, 'notStarted');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('progress over a key-value store (the editor passes its workspace state): one step reset, steps left', () => {
  const values = new Map<string, unknown>();
  const store = new KeyValueProgressStore({
    get: (k) => values.get(k),
    update: (k, v) => void (v === undefined ? values.delete(k) : values.set(k, v)),
  });
  recordChecks(store, 'l', 'a', [{ checkId: 'c', title: 'Queue', passed: true, message: 'ok' }]);
  recordStarted(store, 'l', 'b');
  assert.equal(stepsLeft(store, 'l', ['a', 'b', 'c']), 2);
  store.resetStep('l', 'a');
  assert.equal(store.get('l', 'a').state, 'notStarted');
  assert.equal(store.get('l', 'b').state, 'inProgress', 'the other step keeps its progress');
  store.resetStep('l', 'b');
  assert.equal(values.size, 0, 'a lesson with no progress left leaves no key behind');
});
