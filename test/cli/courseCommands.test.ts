// A course (course.yaml beside lessons) through the built `hoc`: validate reports every
// problem of course.yaml as file:line, `lab run COURSE` runs the lessons in order (one JUnit
// report for all), `pack COURSE` packs them with course.yaml.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { hoc } from './hocCli';

async function course(): Promise<{ root: string; remove(): void }> {
  const root = mkdtempSync(join(tmpdir(), 'hoc-course-'));
  for (const [dir, title] of [
    ['01-basics', 'Basics'],
    ['02-more', 'More'],
  ]) {
    const r = await hoc(['lab', 'new', join(root, dir), '--title', title]);
    assert.equal(r.code, 0, r.stderr);
  }
  writeFileSync(
    join(root, 'course.yaml'),
    [
      'title: Test course',
      'lessons:',
      '  - lesson: 02-more',
      '    prerequisites: [01-basics]',
      '  - lesson: 01-basics',
      '',
    ].join('\n'),
  );
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

test('hoc lab validate COURSE: unknown lessons, cycles, order and bad keys, each as course.yaml:LINE, in one pass', async () => {
  const c = await course();
  try {
    writeFileSync(
      join(c.root, 'course.yaml'),
      [
        'title: Test course',
        'lessons:',
        '  - lesson: 01-basics',
        '    prerequisites: [02-more]',
        '  - lesson: 02-more',
        '    prerequisites: [01-basics]',
        '  - lesson: 03-missing',
        '  - lesson: 01-basics',
        '  - lesson: 02-more',
        '    prerequisites: [nowhere]',
        '',
      ].join('\n'),
    );
    const r = await hoc(['lab', 'validate', c.root]);
    assert.equal(r.code, 1);
    const at = (line: number, text: string) =>
      assert.ok(r.stderr.includes(`${join(c.root, 'course.yaml')}:${line}: ${text}`), `${line}: ${text}\n${r.stderr}`);
    at(4, 'prerequisites form a cycle: 01-basics → 02-more → 01-basics; remove one of them');
    at(7, `lesson '03-missing' is unknown: there is no 03-missing/lesson.yaml beside course.yaml`);
    at(8, `lesson '01-basics' is listed twice; list each lesson once`);
    at(9, `lesson '02-more' is listed twice; list each lesson once`);
    at(10, `prerequisite 'nowhere' of '02-more' is not a lesson of this course; add it to lessons or remove it`);

    writeFileSync(
      join(c.root, 'course.yaml'),
      [
        'title: Test course',
        'lessons:',
        '  - lesson: 02-more',
        '    prerequisites: [01-basics]',
        '  - lesson: 01-basics',
        '    requires: []',
        '',
      ].join('\n'),
    );
    const later = await hoc(['lab', 'validate', c.root]);
    assert.equal(later.code, 1);
    assert.match(
      later.stderr,
      /course\.yaml:4: prerequisite '01-basics' of '02-more' is listed after it; list '01-basics' earlier/,
    );
    assert.match(later.stderr, /course\.yaml:6: lessons\[2\] has unknown property 'requires'/);
  } finally {
    c.remove();
  }
});

test(
  'hoc lab run COURSE runs its lessons in order with one JUnit report; hoc pack COURSE packs them with course.yaml',
  { timeout: 300_000 },
  async () => {
    const c = await course();
    try {
      writeFileSync(
        join(c.root, 'course.yaml'),
        [
          'title: Test course',
          'lessons:',
          '  - lesson: 02-more',
          '  - lesson: 01-basics',
          '    prerequisites: [02-more]',
          '',
        ].join('\n'),
      );
      const valid = await hoc(['lab', 'validate', c.root]);
      assert.equal(valid.code, 0, valid.stderr);
      assert.match(valid.stdout, /ok \(course "Test course", 2 lessons\)/);

      const vsix = join(c.root, 'course.vsix');
      const [run, pack] = await Promise.all([
        hoc(['lab', 'run', c.root, '--solutions', '--report', join(c.root, 'course.xml')]),
        hoc(['pack', c.root, '--out', vsix]),
      ]);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.ok(
        run.stdout.indexOf('=== [1/2] 02-more') < run.stdout.indexOf('=== [2/2] 01-basics') &&
          run.stdout.includes('=== [1/2]'),
        run.stdout,
      );
      assert.match(run.stdout, /Course: all 2 lessons passed\./);
      const xml = new XMLParser({
        ignoreAttributes: false,
        attributeNamePrefix: '',
        isArray: (n) => n === 'testsuite' || n === 'testcase',
      }).parse(readFileSync(join(c.root, 'course.xml'), 'utf8'));
      assert.equal(xml.testsuites.name, 'Test course');
      assert.deepEqual(
        xml.testsuites.testsuite.map((s: { name: string }) => s.name),
        ['02-more/greet — A function that greets', '01-basics/greet — A function that greets'],
      );

      assert.equal(pack.code, 0, pack.stdout + pack.stderr);
      assert.match(pack.stdout, /lessons: 02-more, 01-basics/);
      const files = unzipSync(readFileSync(vsix));
      assert.match(strFromU8(files['extension/labs/course.yaml']), /lesson: 02-more/);
      assert.ok(
        files['extension/labs/01-basics/lesson.yaml'] && files['extension/labs/02-more/solutions/greet/index.ts'],
      );
      assert.ok(
        files['extension/templates/lesson/lesson.yaml'],
        'the lesson template ships, for New Lesson… in the installed extension',
      );

      const mixed = await hoc(['pack', c.root, join(c.root, '01-basics'), '--out', vsix]);
      assert.equal(mixed.code, 2);
      assert.match(mixed.stderr, /is a course \(it has a course\.yaml\): pack it alone/);
      const json = await hoc(['lab', 'run', c.root, '--report', join(c.root, 'r.json')]);
      assert.equal(json.code, 2);
      assert.match(json.stderr, /A \.json progress report covers one lesson/);
    } finally {
      c.remove();
    }
  },
);
