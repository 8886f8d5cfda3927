// Failing checks are asked again only when waiting can change their answer: a script check
// with `settle: false` (the student's code answered) and a fileContains check are final at
// once; a script check without it is asked again until it passes or the settle window ends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LabSession, loadLesson, runLesson } from '../../src/lab';
import { resolveTarget } from '../../src/cloud';
import { startTestCloud, tempDir } from '../helpers/cloud';
import { hoc } from '../cli/hocCli';

// Appends a line to its count file on each run; passes from its `passFrom`-th run on (0: never).
const COUNTING_SCRIPT = `import { appendFileSync, readFileSync } from 'node:fs';
const [file, passFrom] = process.argv.slice(2);
appendFileSync(file, 'x\\n');
const runs = readFileSync(file, 'utf8').trim().split('\\n').length;
if (Number(passFrom) > 0 && runs >= Number(passFrom)) { console.log('ran ' + runs + ' times'); process.exit(0); }
console.error('not yet (run ' + runs + ')');
process.exit(1);
`;

const LESSON = `id: settle
title: Settling checks
summary: Which failing checks are asked again.
steps:
  - id: only
    title: Only step
    instructions: steps/only.md
    checks:
      - { type: script, id: final, title: Code that answered wrongly, script: scripts/count.mjs, args: [final.count, '0'], settle: false }
      - { type: fileContains, id: file, title: A file the student edits, file: notes.txt, contains: done }
      - { type: script, id: eventual, title: An effect that lands on the second look, script: scripts/count.mjs, args: [eventual.count, '2'] }
`;

const runs = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8').trim().split('\n').length;

function writeLesson(root: string): string {
  const dir = join(root, 'settle');
  mkdirSync(join(dir, 'scripts'), { recursive: true });
  mkdirSync(join(dir, 'steps'));
  writeFileSync(join(dir, 'lesson.yaml'), LESSON);
  writeFileSync(
    join(dir, 'template.yaml'),
    "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Inbox:\n    Type: AWS::SQS::Queue\n",
  );
  writeFileSync(join(dir, 'steps', 'only.md'), '# Only step\n\nNothing to do.\n');
  writeFileSync(join(dir, 'scripts', 'count.mjs'), COUNTING_SCRIPT);
  writeFileSync(join(dir, 'notes.txt'), 'not yet\n');
  return dir;
}

test('a failing check is asked again only if it can settle', { timeout: 120_000 }, async () => {
  const cloud = await startTestCloud();
  const tmp = tempDir('hoc-settle-');
  const dir = writeLesson(tmp.path);
  const session = new LabSession(
    loadLesson(dir),
    resolveTarget({ kind: 'local', endpoint: cloud.endpoint, credentials: cloud.credentials }),
  );
  try {
    // The window is far longer than two looks take: the step ends when only final failures remain.
    const run = await runLesson(session, { settleMs: 60_000 });
    const byId = new Map(run.steps[0]!.checks.map((c) => [c.checkId, c]));
    assert.equal(byId.get('eventual')?.passed, true, byId.get('eventual')?.message);
    assert.equal(runs(dir, 'eventual.count'), 2);
    assert.equal(byId.get('final')?.passed, false);
    assert.equal(runs(dir, 'final.count'), 1, 'a settle: false check is asked once');
    assert.equal(byId.get('file')?.passed, false);
    assert.equal(run.passed, false);
  } finally {
    session.dispose();
    await cloud.stop();
    tmp.remove();
  }
});

test('hoc lab run --settle 0 asks every check once; --settle takes seconds', { timeout: 120_000 }, async () => {
  const tmp = tempDir('hoc-settle-cli-');
  const dir = writeLesson(tmp.path);
  try {
    const bad = await hoc(['lab', 'run', dir, '--settle', 'soon']);
    assert.equal(bad.code, 2, bad.stdout + bad.stderr);
    assert.match(bad.stderr, /--settle takes a number of seconds \(0 or more\), not 'soon'/);

    const once = await hoc(['lab', 'run', dir, '--settle', '0']);
    assert.equal(once.code, 1, once.stdout + once.stderr);
    assert.match(once.stdout, /not yet \(run 1\)/);
    assert.deepEqual([runs(dir, 'final.count'), runs(dir, 'eventual.count')], [1, 1]);
  } finally {
    tmp.remove();
  }
});
