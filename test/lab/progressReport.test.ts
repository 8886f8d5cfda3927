// Reading handed-in reports and tabulating them: shapes are checked, stored totals are not
// trusted, CSV fields are quoted and never run as spreadsheet formulas; JUnit carries
// failures and survives control characters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser } from 'fast-xml-parser';
import {
  buildProgressReport,
  csvField,
  gradeCsv,
  junitXml,
  parseProgressReport,
  ReportInvalidError,
} from '../../src/lab';
import type { Lesson } from '../../src/lab';

const lesson: Lesson = {
  id: 'l1',
  title: 'L',
  summary: '',
  version: '2.0.0',
  template: 'template.yaml',
  steps: [
    {
      id: 'a',
      title: 'A',
      instructions: 'steps/a.md',
      deploys: [],
      actions: [],
      checks: [
        { type: 'fileContains', id: 'c1', title: 'C1', file: 'x' },
        { type: 'fileContains', id: 'c2', title: 'C2', file: 'y' },
      ],
    },
    { id: 'b', title: 'B', instructions: 'steps/b.md', deploys: [], actions: [], checks: [] },
  ],
};
const target = { kind: 'local' as const, region: 'us-east-1', endpoint: 'http://127.0.0.1:1' };

test('a report from check results, read back with totals recomputed from its checks', () => {
  const checked = new Map([
    [
      'a',
      [
        {
          checkId: 'c1',
          title: 'C1',
          passed: true,
          message: 'ok',
          checkedAt: '2026-12-03T09:00:00.000Z',
          durationMs: 5,
        },
        { checkId: 'c2', title: 'C2', passed: false, message: 'y lacks it' },
      ],
    ],
  ]);
  const report = buildProgressReport(lesson, target, checked, {
    student: ' Ada ',
    toolVersion: '0.1.0',
    now: new Date('2026-12-03T09:00:01Z'),
    progress: { get: () => ({ state: 'inProgress', updatedAt: '' }) } as never,
  });
  assert.deepEqual(
    report.steps.map((s) => s.state),
    ['checkFailed', 'inProgress'],
  );
  assert.deepEqual(report.totals, { checks: 2, passed: 1 });
  assert.equal(report.student, 'Ada');
  const tampered = { ...report, totals: { checks: 2, passed: 2 } };
  assert.deepEqual(parseProgressReport(JSON.stringify(tampered), 'r.json').totals, { checks: 2, passed: 1 });
  assert.throws(
    () => parseProgressReport('{"format":"hands-on-cloud/progress-report","formatVersion":1}', 'x.json'),
    (e: Error) =>
      e instanceof ReportInvalidError &&
      /^x\.json: not a Hands-on Cloud progress report: must have required property 'lesson'/.test(e.message),
  );
  assert.throws(() => parseProgressReport('nope', 'y.json'), /y\.json: not JSON/);
});

test('CSV: a column per check across reports, quoting, and no formulas', () => {
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('=1+1'), "'=1+1");
  assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvField(-1), '-1');
  const one = buildProgressReport(
    lesson,
    target,
    new Map([['a', [{ checkId: 'c1', title: 'C1', passed: true, message: 'ok' }]]]),
    { now: new Date(0) },
  );
  const two = buildProgressReport(
    lesson,
    target,
    new Map([
      [
        'a',
        [
          { checkId: 'c1', title: 'C1', passed: false, message: 'no' },
          { checkId: 'c2', title: 'C2', passed: true, message: 'ok' },
        ],
      ],
    ]),
    { now: new Date(0), student: 'Bob' },
  );
  const rows = gradeCsv([
    { file: 'one.json', report: one },
    { file: 'two.json', report: two },
  ]).split('\r\n');
  assert.equal(rows[0], 'file,student,lesson,version,target,created,a/c1,a/c2,passed,checks,percent');
  assert.equal(rows[1], 'one.json,,l1,2.0.0,local,1970-01-01T00:00:00.000Z,1,,1,1,100');
  assert.equal(rows[2], 'two.json,Bob,l1,2.0.0,local,1970-01-01T00:00:00.000Z,0,1,1,2,50');
});

test('JUnit: one testsuite per step, one testcase per check, failures with the message, no control characters', () => {
  const step = lesson.steps[0];
  const xml = junitXml([
    {
      lesson,
      steps: [
        {
          step,
          actions: [{ actionId: 'deploy', ok: false, summary: 'boom' }],
          checks: [
            { checkId: 'c1', title: 'C1', passed: false, message: 'red \u001b[31mtext\u001b[0m & <more>' },
            { checkId: 'c2', title: 'C2', passed: true, message: 'ok' },
          ],
          passed: false,
        },
      ],
    },
  ]);
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (n) => n === 'testsuite' || n === 'testcase',
  }).parse(xml);
  const suite = parsed.testsuites.testsuite[0];
  assert.deepEqual([suite.name, suite.tests, suite.failures], ['a — A', '2', '1']);
  assert.equal(suite.testcase[0].failure.message, 'red [31mtext[0m & <more>');
  assert.equal(suite.testcase[1].failure, undefined);
  assert.equal(suite['system-err'], 'action deploy failed: boom');
});
