// `hoc pack`: a VSIX holding exactly the chosen lessons, with a manifest VS Code accepts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { copyFixture } from '../lab/lessonFixture';

const ROOT = join(import.meta.dirname, '..', '..');

function ensureBuilt() {
  if (!existsSync(join(ROOT, 'dist', 'extension.js'))) {
    const b = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(b.status, 0, b.stderr);
  }
}

test('hoc pack: only the chosen lessons, renamed manifest, contents and size printed', { timeout: 180_000 }, () => {
  ensureBuilt();
  const out = mkdtempSync(join(tmpdir(), 'hoc-pack-test-'));
  const complete = copyFixture('complete');
  const storage = copyFixture('storage');
  // Leftovers of a run must not travel with the lesson.
  mkdirSync(join(storage.dir, '.hoc'), { recursive: true });
  writeFileSync(join(storage.dir, '.hoc', 'state-local.json'), '{}');
  // A lesson's translation travels with it.
  complete.write('lesson.it.yaml', 'title: Lezione completa\n');
  mkdirSync(join(complete.dir, 'steps', 'it'));
  complete.write('steps/it/06-edit.md', complete.read('steps/06-edit.md'));
  // Nor what the student's scripts wrote to the lesson's out/.
  mkdirSync(join(storage.dir, 'out'), { recursive: true });
  writeFileSync(join(storage.dir, 'out', 'processed-orders.jsonl'), '{"messageId":"m-1"}\n');
  try {
    const vsix = join(out, 'fx.vsix');
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'pack',
        complete.dir,
        storage.dir,
        '--out',
        vsix,
        '--name',
        'fx-course',
        '--display-name',
        'FX Course',
        '--version',
        '9.8.7',
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /extension\/labs\/complete\/lesson\.yaml/);
    assert.match(r.stdout, new RegExp(`fx\\.vsix: \\d+ files, [\\d.]+ (KB|MB), lessons: fx, st`));

    const files = unzipSync(readFileSync(vsix));
    const names = Object.keys(files);
    const lessons = new Set(names.filter((n) => n.startsWith('extension/labs/')).map((n) => n.split('/')[2]));
    assert.deepEqual([...lessons].sort(), ['complete', 'storage']);
    assert.ok(names.includes('extension/labs/complete/functions/pow/index.ts'));
    assert.ok(names.includes('extension/labs/storage/template.yaml'));
    assert.ok(!names.some((n) => n.includes('/.hoc/')), 'run state was packed');
    assert.ok(!names.some((n) => n.startsWith('extension/labs/storage/out/')), 'student output was packed');
    assert.ok(
      !names.some(
        (n) =>
          n.startsWith('extension/src/') || n.startsWith('extension/node_modules/') || n.startsWith('extension/test/'),
      ),
    );

    const manifest = JSON.parse(strFromU8(files['extension/package.json']));
    assert.equal(manifest.name, 'fx-course');
    assert.equal(manifest.displayName, 'FX Course');
    assert.equal(manifest.version, '9.8.7');
    assert.ok(manifest.engines.vscode && manifest.publisher);
    assert.ok(names.includes(`extension/${manifest.main.replace(/^\.\//, '')}`), `main ${manifest.main} is missing`);
    assert.ok(names.includes('extension/schemas/lesson.schema.json'));
    // The bundles the main one requires: the features right after activation, the others on first use.
    for (const f of ['dist/extension-features.js', 'dist/aws-sdk.js', 'dist/extension-libs.js'])
      assert.ok(names.includes(`extension/${f}`), f);
    // The manifest's strings in English and Italian, the lesson's Italian files.
    for (const f of [
      'package.nls.json',
      'package.nls.it.json',
      'l10n/bundle.l10n.it.json',
      'labs/complete/lesson.it.yaml',
      'labs/complete/steps/it/06-edit.md',
    ])
      assert.ok(names.includes(`extension/${f}`), f);
    assert.equal(
      JSON.parse(strFromU8(files['extension/package.nls.it.json']))['command.checkStep.title'],
      'Verifica i miei progressi',
    );
    const vsixManifest = strFromU8(files['extension.vsixmanifest']);
    assert.match(
      vsixManifest,
      new RegExp(`<Identity Language="en-US" Id="fx-course" Version="9.8.7" Publisher="${manifest.publisher}"`),
    );
    assert.ok(names.includes('[Content_Types].xml'));
  } finally {
    complete.remove();
    storage.remove();
    rmSync(out, { recursive: true, force: true });
  }
});

test('hoc pack refuses invalid lessons and bad options with a sentence', () => {
  const f = copyFixture('storage');
  try {
    f.replace('template.yaml', 'Type: AWS::SQS::Queue', 'Type: AWS::SQS::Q');
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'pack', f.dir, '--out', join(tmpdir(), 'never.vsix')],
      { cwd: ROOT, encoding: 'utf8' },
    );
    assert.equal(r.status, 1);
    assert.match(
      r.stderr,
      /Fix the lessons before packing them:\n.*template\.yaml:\d+: resource type 'AWS::SQS::Q' is not supported/,
    );
    const noOut = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'pack', f.dir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(noOut.status, 2);
    assert.match(noOut.stderr, /Name at least one lesson folder and --out/);
  } finally {
    f.remove();
  }
});
