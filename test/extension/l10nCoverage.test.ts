// Every sentence the extension shows has its Italian: each vscode.l10n.t message in
// src/extension and each t(…) message in src/webview is a key of l10n/bundle.l10n.it.json, with
// the same {0} placeholders; every %key% of package.json is in package.nls.json and
// package.nls.it.json; and neither Italian file keeps keys nothing uses any more.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const readJson = (f: string) => JSON.parse(readFileSync(join(ROOT, f), 'utf8')) as Record<string, unknown>;

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name));
}

interface Use {
  message: string;
  where: string;
}

/** A string literal's value: quotes off, escapes read (the sources use \' \" \\ \n and \u…). */
function unquote(literal: string): string {
  const body = literal.slice(1, -1);
  return body.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_m, e: string) => {
    if (e[0] === 'u') return String.fromCodePoint(parseInt(e.replace(/[u{}]/g, ''), 16));
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[e] ?? e;
  });
}

/**
 * First arguments of calls matching `callee` (e.g. /\bl10n\.t\(/): a string literal, or a
 * template without ${…}, is a message; anything else is reported (it cannot be looked up).
 */
function messages(dir: string, callee: RegExp): { uses: Use[]; dynamic: string[] } {
  const uses: Use[] = [];
  const dynamic: string[] = [];
  const literal = /^\s*('(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\$])*`)\s*[,)]/;
  for (const file of sources(dir)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(new RegExp(callee.source, 'g'))) {
      const at = m.index + m[0].length;
      const where = `${relative(ROOT, file)}:${text.slice(0, at).split('\n').length}`;
      const lit = literal.exec(text.slice(at, at + 2000));
      if (lit) uses.push({ message: unquote(lit[1]), where });
      else dynamic.push(where);
    }
  }
  return { uses, dynamic };
}

/** vscode.l10n.t( in the host; t( of src/webview/common/l10n.ts in the views (not x.t( or get(). */
const L10N_T = /\bl10n\.t\(/;
const WEBVIEW_T = /(?<![\w$.]|function )t\(/;
const placeholders = (s: string) => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort();

test('every vscode.l10n.t message in src/extension and t() message in src/webview has an Italian translation with the same placeholders', () => {
  const italian = readJson('l10n/bundle.l10n.it.json') as Record<string, string>;
  const ext = messages('src/extension', L10N_T);
  const web = messages('src/webview', WEBVIEW_T);
  assert.deepEqual(
    [...ext.dynamic, ...web.dynamic],
    [],
    'messages must be string literals, so they can be translated and checked',
  );
  const uses = [...ext.uses, ...web.uses];
  assert.ok(
    ext.uses.length > 50 && web.uses.length > 20,
    `only ${ext.uses.length} + ${web.uses.length} messages found`,
  );
  const missing = uses.filter((u) => !(u.message in italian)).map((u) => `${u.where}: ${JSON.stringify(u.message)}`);
  assert.deepEqual(missing, [], 'messages without an Italian entry in l10n/bundle.l10n.it.json');
  const wrongArgs = uses
    .filter((u) => u.message in italian && placeholders(u.message).join() !== placeholders(italian[u.message]).join())
    .map((u) => u.message);
  assert.deepEqual([...new Set(wrongArgs)], [], 'Italian entries whose {n} placeholders differ from the English');
  const used = new Set(uses.map((u) => u.message));
  assert.deepEqual(
    Object.keys(italian).filter((k) => !used.has(k)),
    [],
    'Italian entries no code uses any more',
  );
});

test('every %key% of package.json is in package.nls.json and package.nls.it.json, and nothing else is', () => {
  const keys = [
    ...new Set([...readFileSync(join(ROOT, 'package.json'), 'utf8').matchAll(/"%([^"%]+)%"/g)].map((m) => m[1])),
  ].sort();
  assert.ok(keys.length > 40, `only ${keys.length} keys`);
  for (const file of ['package.nls.json', 'package.nls.it.json']) {
    const nls = readJson(file);
    assert.deepEqual(Object.keys(nls).sort(), keys, file);
    for (const k of keys) assert.ok(typeof nls[k] === 'string' && (nls[k] as string).trim(), `${file}: ${k} is empty`);
  }
  // A command link in a welcome view or walkthrough keeps its target in Italian.
  const en = readJson('package.nls.json') as Record<string, string>;
  const it = readJson('package.nls.it.json') as Record<string, string>;
  const targets = (s: string) => [...s.matchAll(/\]\((command:[^)]+)\)/g)].map((m) => m[1]);
  for (const k of keys) assert.deepEqual(targets(it[k]), targets(en[k]), k);
});
