// Function packages are deterministic (same files → same CodeSha256) with either esbuild
// engine; Python is zipped as it is; the SDK stays outside Node bundles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { packageFunction } from '../../src/cloud';

function codeDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hoc-pkg-'));
  mkdirSync(join(dir, 'lib'));
  writeFileSync(
    join(dir, 'index.ts'),
    "import { S3Client } from '@aws-sdk/client-s3';\nimport { twice } from './lib/twice';\nexport const handler = async (e: { n: number }) => ({ n: twice(e.n), s3: typeof S3Client });\n",
  );
  writeFileSync(join(dir, 'lib', 'twice.ts'), 'export const twice = (n: number): number => n * 2;\n');
  writeFileSync(join(dir, 'model.json'), '{"weights":[1,2]}');
  return dir;
}

test(
  'Node handlers: bundled, SDK external, data files kept, identical bytes with native and wasm esbuild',
  { timeout: 60_000 },
  async () => {
    const dir = codeDir();
    try {
      const native = await packageFunction(dir, 'nodejs20.x', 'index.handler', 'native');
      const wasm = await packageFunction(dir, 'nodejs20.x', 'index.handler', 'wasm');
      assert.deepEqual(native.files, ['index.js', 'model.json']);
      assert.equal(wasm.sha256, native.sha256);
      const js = strFromU8(unzipSync(native.zip)['index.js']);
      assert.match(js, /require\("@aws-sdk\/client-s3"\)/);
      assert.match(js, /n \* 2/);
      // Touching files (new mtimes) changes nothing; changing code changes the hash.
      utimesSync(join(dir, 'index.ts'), new Date(), new Date(2030, 1, 1));
      assert.equal((await packageFunction(dir, 'nodejs20.x', 'index.handler')).sha256, native.sha256);
      writeFileSync(join(dir, 'lib', 'twice.ts'), 'export const twice = (n: number): number => n + n;\n');
      assert.notEqual((await packageFunction(dir, 'nodejs20.x', 'index.handler')).sha256, native.sha256);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);

test('Python handlers are zipped as they are, without caches; a missing handler file is a sentence', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hoc-pkg-py-'));
  try {
    mkdirSync(join(dir, '__pycache__'));
    writeFileSync(join(dir, 'app.py'), 'def handler(e, c):\n    return 1\n');
    writeFileSync(join(dir, '__pycache__', 'app.cpython-312.pyc'), 'x');
    const p = await packageFunction(dir, 'python3.12', 'app.handler');
    assert.deepEqual(Object.keys(unzipSync(p.zip)), ['app.py']);
    assert.equal((await packageFunction(dir, 'python3.12', 'app.handler')).sha256, p.sha256);
    await assert.rejects(
      packageFunction(dir, 'nodejs20.x', 'index.handler'),
      /handler 'index\.handler' needs index\.ts or index\.mts or index\.js/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
