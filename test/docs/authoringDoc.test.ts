// docs/authoring.md cannot drift from the code: its reference part is what the generator
// makes from the schema and the registries, and every type, link and policy template it
// names in prose exists (and the other way round).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import schema from '../../schemas/lesson.schema.json';
import { ACTION_TYPES, CHECK_TYPES, LINK_VERBS } from '../../src/lab';
import { SAM_POLICY_TEMPLATES } from '../../src/cloud/deploy/samPolicyTemplates';
import { withCurrentReference } from '../../scripts/authoringReference';

const ROOT = join(import.meta.dirname, '..', '..');
const doc = readFileSync(join(ROOT, 'docs', 'authoring.md'), 'utf8');
const academy = readFileSync(join(ROOT, 'docs', 'aws-academy.md'), 'utf8');
const schemaTypes = (kind: 'action' | 'check') =>
  (schema.definitions[kind].oneOf as Array<{ properties: { type: { const: string } } }>).map(
    (v) => v.properties.type.const,
  );
const section = (title: string) =>
  doc.slice(doc.indexOf(`\n## ${title}\n`), doc.indexOf('\n## ', doc.indexOf(`\n## ${title}\n`) + 4));
const headings = (text: string) => [...text.matchAll(/^### `([^`]+)`$/gm)].map((m) => m[1]);

test('the reference in docs/authoring.md is the one generated from the code (npx tsx scripts/authoringReference.ts updates it)', () => {
  assert.equal(doc, withCurrentReference(doc));
});

test("the schema, the engine's registries and the document name the same action and check types", () => {
  assert.deepEqual([...schemaTypes('action')].sort(), [...ACTION_TYPES].sort());
  assert.deepEqual([...schemaTypes('check')].sort(), [...CHECK_TYPES].sort());
  assert.deepEqual(headings(section('Actions')), schemaTypes('action'));
  assert.deepEqual(headings(section('Checks')), schemaTypes('check'));
  // Every property of every action and check, of lesson.yaml and of a step, has a row.
  for (const kind of ['action', 'check'] as const) {
    for (const v of schema.definitions[kind].oneOf as Array<{
      properties: Record<string, unknown> & { type: { const: string } };
    }>) {
      const part = section(kind === 'action' ? 'Actions' : 'Checks')
        .split(`### \`${v.properties.type.const}\``)[1]
        .split('\n### ')[0];
      for (const p of Object.keys(v.properties).filter((p) => p !== 'type'))
        assert.match(part, new RegExp(`^\\| \`${p}\` \\|`, 'm'), `${kind} ${v.properties.type.const}.${p}`);
    }
  }
  for (const p of [...Object.keys(schema.properties), ...Object.keys(schema.definitions.step.properties)])
    assert.match(doc, new RegExp(`^\\| \`${p}\` \\|`, 'm'), p);
});

test('every hoc: link verb is documented, and every one the documents use exists', () => {
  for (const verb of LINK_VERBS) assert.match(doc, new RegExp(`\\| \`hoc:${verb}\` \\|`), verb);
  for (const text of [doc, academy])
    for (const [, verb] of text.matchAll(/hoc:([a-z]+)/g))
      assert.ok((LINK_VERBS as readonly string[]).includes(verb), `hoc:${verb} is not a link verb`);
});

test("types in the documents' examples and the policy templates they name exist", () => {
  const known = new Set<string>([...ACTION_TYPES, ...CHECK_TYPES]);
  for (const [, type] of doc.matchAll(/\{ type: ([A-Za-z]+)/g)) assert.ok(known.has(type), `example uses type ${type}`);
  for (const [, name] of academy.matchAll(/`([A-Z][A-Za-z0-9]+Policy)`/g))
    assert.ok(name in SAM_POLICY_TEMPLATES, `${name} is named in docs/aws-academy.md but not expanded`);
});
