// The Labs view's order: a course.yaml beside lessons puts them in its order with their
// prerequisites; lessons it does not list, and folders without a course, keep their order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coursesOf, orderByCourse, prerequisiteTitles } from '../../src/lab/course';

test('lessons follow their course.yaml, with positions and prerequisites', () => {
  const root = mkdtempSync(join(tmpdir(), 'hoc-course-order-'));
  try {
    const labs = join(root, 'labs');
    for (const name of ['01-a', '02-b', '03-c', '09-extra']) {
      mkdirSync(join(labs, name), { recursive: true });
      writeFileSync(join(labs, name, 'lesson.yaml'), `id: ${name}\ntitle: T\nsteps: []\n`);
    }
    writeFileSync(
      join(labs, 'course.yaml'),
      'title: C\nlessons:\n  - lesson: 03-c\n  - lesson: 01-a\n    prerequisites: [03-c]\n  - lesson: 02-b\n',
    );
    const other = join(root, 'elsewhere', 'x');
    const items = ['01-a', '02-b', '03-c', '09-extra']
      .map((n) => ({ dir: join(labs, n), title: `Lesson ${n}` }))
      .concat({ dir: other, title: 'X' });
    const ordered = orderByCourse(items, coursesOf(items.map((i) => i.dir)));
    assert.deepEqual(
      ordered.map((o) => o.title),
      ['Lesson 03-c', 'Lesson 01-a', 'Lesson 02-b', 'Lesson 09-extra', 'X'],
    );
    assert.deepEqual(ordered[1].place, { course: 'C', position: 2, prerequisites: ['03-c'] });
    assert.equal(ordered[3].place, undefined);
    assert.deepEqual(prerequisiteTitles(ordered[1].place!, items), ['Lesson 03-c']);
    // An invalid course (a cycle) orders nothing: hoc lab validate reports it.
    writeFileSync(
      join(labs, 'course.yaml'),
      'title: C\nlessons:\n  - lesson: 01-a\n    prerequisites: [02-b]\n  - lesson: 02-b\n    prerequisites: [01-a]\n',
    );
    assert.deepEqual(coursesOf(items.map((i) => i.dir)), []);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
