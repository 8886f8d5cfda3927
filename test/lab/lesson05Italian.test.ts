// Lesson 05 is complete in Italian: every step's markdown and every string of lesson.yaml has
// a translation, so a student with an Italian editor reads no English sentence of the lesson.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLesson, localizeLesson } from '../../src/lab';

const DIR = join(import.meta.dirname, '..', '..', 'labs', '05-serverless');

test('lesson 05 in an Italian editor: every step, title, objective, hint, action and check is translated', () => {
  const { lesson } = loadLesson(DIR);
  const it = localizeLesson(DIR, lesson, 'it-IT');
  assert.equal(it.language, 'it');
  assert.notEqual(it.title, lesson.title);
  assert.notEqual(it.summary, lesson.summary);
  it.steps.forEach((step, i) => {
    const en = lesson.steps[i];
    assert.equal(step.localizedInstructions, en.instructions.replace('steps/', 'steps/it/'), step.id);
    assert.notEqual(
      readFileSync(join(DIR, step.localizedInstructions!), 'utf8'),
      readFileSync(join(DIR, en.instructions), 'utf8'),
      step.id,
    );
    // A few titles are the same words in both languages (GET ?x=2, "Lambda + EFS"); the rest must differ.
    const same = (a: string, b: string) => a === b && !/^(GET |Lambda \+ EFS$)/.test(a);
    assert.ok(!same(step.title, en.title), `${step.id}: title`);
    en.objectives?.forEach((o, j) => assert.ok(!same(step.objectives![j], o), `${step.id}: objective ${j + 1}`));
    if (en.hint) assert.notEqual(step.hint, en.hint, `${step.id}: hint`);
    en.actions.forEach((a, j) => assert.ok(!same(step.actions[j].title, a.title), `${step.id}: action ${a.id}`));
    en.checks.forEach((c, j) => assert.ok(!same(step.checks[j].title, c.title), `${step.id}: check ${c.id}`));
    // Ids, types and targets stay the English lesson's.
    assert.deepEqual(
      step.actions.map(({ title: _t, ...rest }) => rest),
      en.actions.map(({ title: _t, ...rest }) => rest),
    );
  });
  // English editors (and languages without a translation) keep the lesson as written.
  assert.equal(localizeLesson(DIR, lesson, 'en'), lesson);
  assert.equal(localizeLesson(DIR, lesson, 'fr'), lesson);
});
