// A packaged extension works with no node_modules at all, as on a student's machine: `hoc pack`
// a lesson, unzip the VSIX into a temporary folder, and run the lesson's steps with the unzipped
// extension's own `hoc` (its esbuild-wasm, its runtime AWS SDK, the lesson's prebuilt bundles).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { invokeRuntimeSdkHandlers } from './runtimeSdkHandlers';

const ROOT = join(import.meta.dirname, '..', '..');
const LESSON = 'labs/05-serverless';

function ensureBuilt() {
  if (!existsSync(join(ROOT, 'dist', 'runtimes', 'node_modules', '@aws-sdk', 'client-s3', 'package.json'))) {
    const b = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(b.status, 0, b.stderr);
  }
}

/** The environment of a machine with only the extension: nothing points back at this checkout. */
function studentEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, NODE_NO_WARNINGS: '1' };
  for (const k of ['NODE_PATH', 'NODE_OPTIONS', 'HOC_LAMBDA_NODE_PATH', 'HOC_LAMBDA_RUNTIMES_DIR', 'HOC_BUNDLER'])
    delete env[k];
  return env;
}

test('a packed lesson runs from the unzipped VSIX with no node_modules anywhere', { timeout: 600_000 }, async (t) => {
  ensureBuilt();
  const work = mkdtempSync(join(tmpdir(), 'hoc-packaged-'));
  try {
    for (let d = work; ; d = dirname(d)) {
      assert.ok(!existsSync(join(d, 'node_modules')), `${d}/node_modules would hide what the package lacks`);
      if (dirname(d) === d) break;
    }
    const vsix = join(work, 'serverless.vsix');
    const pack = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'pack', LESSON, '--out', vsix, '--version', '3.2.1'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    assert.equal(pack.status, 0, pack.stdout + pack.stderr);
    assert.match(pack.stdout, /^05-serverless: \d+ function and script bundles prebuilt \([\d.]+ MB\)/m);
    assert.doesNotMatch(pack.stdout, /^warning:/m);

    const files = unzipSync(readFileSync(vsix));
    const names = Object.keys(files);
    await t.test('the VSIX carries the runtime AWS SDK and the prebuilt bundles, and no other node_modules', () => {
      for (const client of ['client-s3', 'client-sqs', 'client-lambda', 'client-sfn']) {
        const manifest = JSON.parse(
          Buffer.from(files[`extension/dist/runtimes/node_modules/@aws-sdk/${client}/package.json`]!).toString('utf8'),
        );
        assert.equal(manifest.main, 'index.js');
        assert.ok(names.includes(`extension/dist/runtimes/node_modules/@aws-sdk/${client}/index.js`));
      }
      assert.ok(
        names.includes('extension/dist/runtimes/node_modules/@aws-sdk/.shared/index.js'),
        'the modules the clients share',
      );
      assert.deepEqual(
        names.filter(
          (n) => n.includes('node_modules/') && !n.startsWith('extension/dist/runtimes/node_modules/@aws-sdk/'),
        ),
        [],
      );
      const index = JSON.parse(Buffer.from(files[`extension/${LESSON}/.build/bundles.json`]!).toString('utf8'));
      const keys = Object.keys(index.bundles);
      assert.ok(
        keys.some((k) => k.startsWith('functions/moderate-image/index.ts|cjs|')),
        keys.join('\n'),
      );
      assert.ok(
        keys.some((k) => k.startsWith('scripts/delivery-demo.ts|esm|')),
        keys.join('\n'),
      );
      for (const e of Object.values(index.bundles) as Array<{ file: string }>)
        assert.ok(names.includes(`extension/${LESSON}/.build/${e.file}`), e.file);
    });

    for (const [name, data] of Object.entries(files)) {
      if (name.endsWith('/')) continue;
      mkdirSync(dirname(join(work, name)), { recursive: true });
      writeFileSync(join(work, name), data);
    }
    const home = join(work, 'home');
    mkdirSync(home);
    const lesson = join('extension', LESSON);
    const hoc = (...args: string[]) =>
      spawnSync(process.execPath, [join('extension', 'dist', 'cli.js'), ...args], {
        cwd: work,
        env: studentEnv(home),
        encoding: 'utf8',
        timeout: 240_000,
      });
    await t.test("hoc --version is the packed extension's version", () => {
      assert.equal(hoc('--version').stdout.trim(), '3.2.1');
    });
    const runStep = (step: string) => {
      const r = hoc('lab', 'run', lesson, '--step', step);
      return { ...r, text: `${r.stdout}\n${r.stderr}` };
    };

    await t.test(
      'Node handlers require() and import the runtime AWS SDK (hoc cloud of the unzipped extension)',
      async () => {
        const r = await invokeRuntimeSdkHandlers(
          join(work, 'extension', 'dist', 'cli.js'),
          work,
          join(work, 'cloud-state'),
          studentEnv(home),
        );
        assert.match(r.cjs.queueUrl ?? JSON.stringify(r.cjs), /\/made-by-cjs$/);
        assert.equal(
          r.cjs.sdk,
          join(work, 'extension', 'dist', 'runtimes', 'node_modules', '@aws-sdk', 'client-sqs', 'index.js'),
        );
        assert.equal(r.esm.body, 'uploaded by lib-storage', JSON.stringify(r.esm));
      },
    );

    await t.test('lesson scripts import @aws-sdk (delivery: the demo and its check, which peeks)', () => {
      const r = runStep('delivery');
      assert.equal(r.status, 0, r.text);
      assert.match(r.stdout, /1\/1 checks passed/);
      assert.match(r.stdout, /the duplicate was dropped \(read with the local cloud's peek/);
    });

    await t.test('a lesson script with npm imports runs its prebuilt bundle (gallery-script: @aws-sdk + jimp)', () => {
      const r = runStep('gallery-script');
      assert.equal(r.status, 0, r.text);
      assert.match(r.stdout, /2\/2 checks passed/);
    });

    await t.test('a TypeScript handler imports @aws-sdk/client-s3 and jimp (gallery-lambda)', () => {
      const r = runStep('gallery-lambda');
      assert.equal(r.status, 0, r.text);
      assert.match(r.stdout, /GalleryWorkerFunction ran \d+ times? \(\d+ cold/);
      assert.match(r.stdout, /2\/2 checks passed/);
    });

    await t.test('a handler with npm dependencies runs its prebuilt bundle (image-moderation: jimp + nsfwjs)', () => {
      const r = runStep('image-moderation');
      assert.equal(r.status, 0, r.text);
      assert.match(r.stdout, /2\/2 checks passed/);
    });

    await t.test('an edited handler without npm imports is bundled again on the spot (function-url)', () => {
      // The student writes pow (here: the lesson's solution) into the starter.
      const file = join(work, lesson, 'functions', 'pow', 'index.ts');
      writeFileSync(
        file,
        `${readFileSync(join(work, lesson, 'solutions', 'pow', 'index.ts'), 'utf8')}\n// edited by the student\n`,
      );
      const r = runStep('function-url');
      assert.equal(r.status, 0, r.text);
      assert.match(r.stdout, /1\/1 checks passed/);
    });

    await t.test('an edited handler whose npm imports are missing says how to recover', () => {
      appendFileSync(join(work, lesson, 'functions', 'shared', 'imaging.ts'), '\n// edited by the student\n');
      const r = runStep('image-moderation');
      assert.notEqual(r.status, 0, r.text);
      assert.match(r.text, /changed since the lesson was packaged/);
      assert.match(r.text, /npm install jimp/);
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
