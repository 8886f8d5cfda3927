// The settings the extension reads and the ones its manifest declares are the same, with the
// same defaults: a setting missing from either side would be silently ignored or undocumented.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULTS } from '../../src/extension/settingsDefaults';
import { TARGET_KINDS } from '../../src/cloud/target/target';

const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8'));

test('every setting the extension reads is declared in package.json with the same default, and no other', () => {
  const sections = [manifest.contributes.configuration].flat() as Array<{
    properties: Record<string, { default?: unknown; enum?: unknown[] }>;
  }>;
  const declared = Object.assign({}, ...sections.map((s) => s.properties)) as Record<
    string,
    { default?: unknown; enum?: unknown[] }
  >;
  assert.deepEqual(
    Object.keys(declared).sort(),
    Object.keys(DEFAULTS)
      .map((k) => `handsOnCloud.${k}`)
      .sort(),
  );
  for (const [key, value] of Object.entries(DEFAULTS))
    assert.deepEqual(declared[`handsOnCloud.${key}`]!.default, value, key);
  assert.deepEqual(declared['handsOnCloud.target']!.enum, [...TARGET_KINDS]);
});
