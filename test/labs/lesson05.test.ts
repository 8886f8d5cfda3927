// Lesson 05 "Serverless on AWS", end to end on the local cloud, as an instructor verifies it:
// `hoc lab validate` is clean, `hoc lab run --solutions` passes every step's checks, and every
// exercise step fails when run as the student first meets it (test/labs/exercises/ covers each
// exercise's solution and plausible mistakes in detail).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, ROOT } from '../helpers/cloudProcess';
import { copyRepositoryLessonForTest } from '../helpers/lessonCopy';

const LESSON = join(ROOT, 'labs', '05-serverless');

function hoc(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out }));
  });
}

test('hoc lab validate finds no problem in labs/05-serverless', async () => {
  const { code, out } = await hoc(['lab', 'validate', LESSON]);
  assert.equal(code, 0, out);
  assert.match(out, /ok \(19 steps/);
});

test('every exercise step (one with a solution) has a TODO in each starter', () => {
  const yaml = readFileSync(join(LESSON, 'lesson.yaml'), 'utf8');
  const starters = [...yaml.matchAll(/^ {6}(\S+): solutions\/\S+$/gm)].map((m) => m[1]!);
  assert.ok(starters.length >= 7, `only ${starters.length} exercise files: ${starters.join(', ')}`);
  for (const file of starters) assert.match(readFileSync(join(LESSON, file), 'utf8'), /TODO/, file);
});

test('the CORS step fails until the function sends Access-Control-Allow-Origin', async () => {
  const copy = copyRepositoryLessonForTest('05-serverless');
  const { code, out } = await hoc(['lab', 'run', copy.dir, '--step', 'cors']).finally(copy.remove);
  assert.equal(code, 1, out);
  assert.match(out, /no Access-Control-Allow-Origin header/);
});

test('hoc lab run --solutions passes every step of labs/05-serverless', { timeout: 30 * 60_000 }, async () => {
  const started = Date.now();
  const copy = copyRepositoryLessonForTest('05-serverless');
  const { code, out } = await hoc(['lab', 'run', copy.dir, '--solutions']).finally(copy.remove);
  const seconds = Math.round((Date.now() - started) / 1000);
  process.stdout.write(`# lesson 05 ran in ${seconds} s\n`);
  assert.equal(code, 0, out);
  for (let i = 1; i <= 19; i++)
    assert.match(out, new RegExp(`\\[${i}/19\\] .*: ok`), `step ${i} did not pass:\n${out}`);
  assert.match(out, /Estimated cost on AWS/);
});
