// Prebuilt bundles of a packaged lesson: used when the sources' npm imports are not installed
// and the sources are those they were built from; edited sources bundle again or say why not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { packageFunction } from '../../src/cloud';
import { functionBundleRequest } from '../../src/cloud/packaging/packageFunction';
import { findPrebuilt, prebuild, writePrebuiltIndex } from '../../src/cloud/packaging/prebuilt';

const ROOT = join(import.meta.dirname, '..', '..');

/** A lesson outside the checkout (no node_modules above it) whose function imports an npm package. */
function lessonWithNpmImport(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'hoc-prebuilt-')), 'lesson');
  for (let d = dir; dirname(d) !== d; d = dirname(d))
    assert.ok(!existsSync(join(d, 'node_modules')), `${d}/node_modules`);
  const files: Record<string, string> = {
    'lesson.yaml': 'id: prebuilt\n',
    'functions/zipper/index.ts':
      "import { zipSync } from 'fflate';\nimport { S3Client } from '@aws-sdk/client-s3';\nimport { label } from '../shared/label';\nexport const handler = async () => ({ label: label(), bytes: zipSync({ a: new Uint8Array([1]) }).length, s3: typeof S3Client });\n",
    'functions/plain/index.ts':
      "import { label } from '../shared/label';\nexport const handler = async () => label();\n",
    'functions/shared/label.ts': "export const label = () => 'v1';\n",
    'functions/shared/unused.ts': 'export const x = 1;\n',
  };
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), text);
  }
  return dir;
}

const indexJs = (zip: Uint8Array) => strFromU8(unzipSync(zip)['index.js']!);

test(
  'prebuilt bundles stand in for npm imports that are not installed, until the sources change',
  { timeout: 120_000 },
  async () => {
    const lesson = lessonWithNpmImport();
    try {
      const zipper = join(lesson, 'functions', 'zipper');
      await assert.rejects(
        packageFunction(zipper, 'nodejs20.x', 'index.handler', 'native'),
        /Could not resolve "fflate"/,
      );

      const req = functionBundleRequest(zipper, 'nodejs20.x', 'index.handler');
      const built = await prebuild(lesson, { ...req, nodePaths: [join(ROOT, 'node_modules')] });
      writePrebuiltIndex(lesson, { [built.key]: built.entry });
      assert.deepEqual(built.entry.inputs, ['functions/shared/label.ts', 'functions/zipper/index.ts']);
      const prebuiltText = readFileSync(join(lesson, '.build', built.entry.file), 'utf8');
      assert.match(prebuiltText, /require\("@aws-sdk\/client-s3"\)/, 'the AWS SDK stays external');

      for (const engine of ['native', 'wasm'] as const) {
        const pkg = await packageFunction(zipper, 'nodejs20.x', 'index.handler', engine);
        assert.equal(indexJs(pkg.zip), prebuiltText, `${engine}: the prebuilt bundle is deployed`);
        assert.ok(!pkg.files.some((f) => f.startsWith('.build')));
      }

      // A file the bundle did not use may change; the prebuilt bundle still matches.
      appendFileSync(join(lesson, 'functions', 'shared', 'unused.ts'), '// edited\n');
      assert.equal(findPrebuilt(req).kind, 'match');

      // A function without npm imports bundles from its sources, edited or not.
      const plain = join(lesson, 'functions', 'plain');
      writeFileSync(join(lesson, 'functions', 'shared', 'label.ts'), "export const label = () => 'v2';\n");
      assert.match(indexJs((await packageFunction(plain, 'nodejs20.x', 'index.handler', 'wasm')).zip), /"v2"/);

      // The edit reached a file the prebuilt bundle came from: it is stale, and the error says what to do.
      assert.equal(findPrebuilt(req).kind, 'stale');
      await assert.rejects(packageFunction(zipper, 'nodejs20.x', 'index.handler', 'wasm'), (e: Error) => {
        assert.match(
          e.message,
          /functions\/zipper\/index\.ts or a file it imports changed since the lesson was packaged/,
        );
        assert.match(e.message, /npm install fflate`/);
        return true;
      });

      // Undoing the edit makes it match again.
      writeFileSync(join(lesson, 'functions', 'shared', 'label.ts'), "export const label = () => 'v1';\n");
      assert.equal(indexJs((await packageFunction(zipper, 'nodejs20.x', 'index.handler', 'wasm')).zip), prebuiltText);

      // A damaged index only means bundling from the sources (which fails here, as without a prebuilt bundle).
      writeFileSync(join(lesson, '.build', 'bundles.json'), '{ not json');
      await assert.rejects(
        packageFunction(zipper, 'nodejs20.x', 'index.handler', 'native'),
        (e: Error) => /Could not resolve "fflate"/.test(e.message) && !/changed since/.test(e.message),
      );
    } finally {
      rmSync(dirname(lesson), { recursive: true, force: true });
    }
  },
);

test(
  "a copy of a packaged lesson without node_modules or .build deploys with the original copy's bundles while its files are unchanged",
  { timeout: 120_000 },
  async () => {
    const original = lessonWithNpmImport();
    const copy = lessonWithNpmImport(); // the student's copy: same files, no .build
    try {
      const req = functionBundleRequest(join(original, 'functions', 'zipper'), 'nodejs20.x', 'index.handler');
      const built = await prebuild(original, { ...req, nodePaths: [join(ROOT, 'node_modules')] });
      writePrebuiltIndex(original, { [built.key]: built.entry });
      const prebuiltText = readFileSync(join(original, '.build', built.entry.file), 'utf8');
      const zipper = join(copy, 'functions', 'zipper');
      assert.ok(!existsSync(join(copy, '.build')));

      // Without the original named, the copy cannot bundle (its npm import is not installed).
      await assert.rejects(
        packageFunction(zipper, 'nodejs20.x', 'index.handler', 'native'),
        /Could not resolve "fflate"/,
      );
      // With it, the copy's unchanged files (same content hash) deploy the original's bundle.
      const pkg = await packageFunction(zipper, 'nodejs20.x', 'index.handler', 'native', [original]);
      assert.equal(indexJs(pkg.zip), prebuiltText);

      // An edit in the copy to a file the bundle came from: stale, with the way out in the message.
      writeFileSync(join(copy, 'functions', 'shared', 'label.ts'), "export const label = () => 'mine';\n");
      await assert.rejects(
        packageFunction(zipper, 'nodejs20.x', 'index.handler', 'native', [original]),
        /changed since the lesson was packaged/,
      );
    } finally {
      rmSync(dirname(original), { recursive: true, force: true });
      rmSync(dirname(copy), { recursive: true, force: true });
    }
  },
);
