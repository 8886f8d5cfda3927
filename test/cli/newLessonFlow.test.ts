// An instructor's first lesson, through the built `hoc`: `lab new` → `lab validate` ok →
// `lab run` fails while the exercise is unsolved → `lab run --solutions` passes; the runs
// write a JUnit report and progress reports, and `lab grade` tabulates them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { hoc } from './hocCli';

const parseXml = (text: string) =>
  new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (n) => n === 'testsuite' || n === 'testcase',
  }).parse(text);

test(
  'hoc lab new → validate → unsolved run fails → --solutions passes, with JUnit and JSON reports graded as CSV',
  { timeout: 240_000 },
  async () => {
    const root = mkdtempSync(join(tmpdir(), 'hoc-new-lesson-'));
    const dir = join(root, '07-first-function');
    try {
      const made = await hoc(['lab', 'new', dir, '--title', 'First function: "hello"']);
      assert.equal(made.code, 0, made.stdout + made.stderr);
      assert.match(made.stdout, /Created lesson 07-first-function \("First function: "hello""\)/);
      for (const f of [
        'lesson.yaml',
        'template.yaml',
        'steps/01-greet.md',
        'functions/greet/index.ts',
        'solutions/greet/index.ts',
        'events/greet.json',
      ])
        assert.match(made.stdout, new RegExp(`^  ${f}$`, 'm'));
      assert.match(readFileSync(join(dir, 'lesson.yaml'), 'utf8'), /^title: 'First function: "hello"'$/m);
      assert.match(readFileSync(join(dir, 'functions/greet/index.ts'), 'utf8'), /TODO/);

      const again = await hoc(['lab', 'new', dir]);
      assert.equal(again.code, 1);
      assert.match(again.stderr, /is not empty; name a new folder/);

      const valid = await hoc(['lab', 'validate', dir]);
      assert.equal(valid.code, 0, valid.stderr);
      assert.match(valid.stdout, /: ok \(1 steps, 1 resources\)/);

      const [unsolved, solved] = await Promise.all([
        hoc(['lab', 'run', dir, '--report', join(root, 'unsolved.xml')]),
        hoc(['lab', 'run', dir, '--solutions', '--report', join(root, 'solved.xml')]),
      ]);
      assert.equal(unsolved.code, 1, unsolved.stdout + unsolved.stderr);
      assert.match(unsolved.stdout, /✗ greet: The function greets by name — .*answered without 'Hello, Ada!': TODO/);
      assert.equal(solved.code, 0, solved.stdout + solved.stderr);
      assert.match(solved.stdout, /1\/1 checks passed\./);

      const failing = parseXml(readFileSync(join(root, 'unsolved.xml'), 'utf8')).testsuites;
      assert.equal(failing.failures, '1');
      assert.match(failing.testsuite[0].testcase[0].failure.message, /answered without 'Hello, Ada!': TODO/);
      const passing = parseXml(readFileSync(join(root, 'solved.xml'), 'utf8')).testsuites;
      assert.equal(passing.name, 'First function: "hello"');
      assert.deepEqual([passing.tests, passing.failures], ['1', '0']);
      assert.deepEqual(
        passing.testsuite.map((s: { name: string }) => s.name),
        ['greet — A function that greets'],
      );
      assert.deepEqual(
        passing.testsuite[0].testcase.map((c: { name: string; classname: string; failure?: unknown }) => [
          c.name,
          c.classname,
          c.failure,
        ]),
        [['The function greets by name', '07-first-function.greet', undefined]],
      );

      // Two students hand in JSON progress reports; a third hands in something else.
      const [ada, bob] = await Promise.all([
        hoc(['lab', 'run', dir, '--solutions', '--report', join(root, 'ada.json'), '--student', 'Ada Lovelace']),
        hoc(['lab', 'run', dir, '--report', join(root, 'bob.json'), '--student', '=cmd|calc']),
      ]);
      assert.deepEqual([ada.code, bob.code], [0, 1], ada.stderr + bob.stderr);
      const report = JSON.parse(readFileSync(join(root, 'ada.json'), 'utf8'));
      assert.equal(report.format, 'hands-on-cloud/progress-report');
      assert.deepEqual(report.lesson, { id: '07-first-function', version: '0.1.0', title: 'First function: "hello"' });
      assert.equal(report.target.kind, 'local');
      assert.equal(report.steps[0].state, 'done');
      assert.equal(report.steps[0].checks[0].passed, true);
      assert.ok(Date.parse(report.steps[0].checks[0].checkedAt) > 0 && report.steps[0].checks[0].durationMs >= 0);
      writeFileSync(join(root, 'junk.json'), JSON.stringify({ format: 'something-else' }));

      const grade = await hoc([
        'lab',
        'grade',
        join(root, 'ada.json'),
        join(root, 'bob.json'),
        join(root, 'junk.json'),
      ]);
      assert.equal(grade.code, 1);
      assert.match(grade.stderr, /junk\.json: not a Hands-on Cloud progress report/);
      const rows = grade.stdout.trimEnd().split('\r\n');
      assert.equal(rows[0], 'file,student,lesson,version,target,created,greet/greets-by-name,passed,checks,percent');
      assert.match(rows[1], /ada\.json,Ada Lovelace,07-first-function,0\.1\.0,local,[^,]+,1,1,1,100$/);
      // A name a spreadsheet would run as a formula stays text.
      assert.match(rows[2], /bob\.json,'=cmd\|calc,07-first-function,0\.1\.0,local,[^,]+,0,0,1,0$/);
      assert.equal(rows.length, 3);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
);
