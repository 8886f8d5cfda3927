// Lesson runtimes against AWS's runtime calendar: `hoc lab validate` fails on a runtime AWS blocks
// (the lesson could not deploy on AWS) and warns on one deprecated within six months.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { formatDiagnostic, judgeRuntime, runtimeWarnings, validateLesson } from '../../src/lab';
import { copyFixture } from './lessonFixture';

const ROOT = join(import.meta.dirname, '..', '..');
const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

test('judgeRuntime: blocked is an error, deprecated within six months a warning, later nothing', () => {
  assert.equal(judgeRuntime('nodejs24.x', day('2026-12-03')), undefined);
  assert.equal(judgeRuntime('python3.13', day('2026-12-03')), undefined);
  const soon = judgeRuntime('nodejs22.x', day('2026-12-03'));
  assert.equal(soon?.level, 'warning');
  assert.match(
    soon!.message,
    /^runtime 'nodejs22\.x' is deprecated by AWS on 2027-04-30 and blocked for new functions from 2027-06-01 \(AWS Lambda runtimes calendar, read 2026-12-03\); consider nodejs24\.x$/,
  );
  assert.equal(judgeRuntime('nodejs22.x', day('2026-10-29')), undefined, 'six months and a day before deprecation');
  // AWS moved nodejs20.x's block dates to 2027-02-01 / 2027-03-03 (see lambdaRuntimeCalendar.ts).
  const blocked = judgeRuntime('nodejs20.x', day('2027-02-01'));
  assert.equal(blocked?.level, 'error');
  assert.match(
    blocked!.message,
    /^runtime 'nodejs20\.x' can no longer be used: AWS blocks creating functions on it since 2027-02-01 .*; use nodejs24\.x$/,
  );
  assert.equal(judgeRuntime('nodejs20.x', day('2026-12-03'))?.level, 'warning', 'deprecated but still creatable');
  assert.match(judgeRuntime('nodejs14.x', day('2026-12-03'))!.message, /since 2024-01-09 /);
});

test('hoc lab validate: a blocked runtime is a file:line error; one deprecated soon a warning that does not fail', () => {
  const f = copyFixture('complete');
  try {
    const line = f.replace('template.yaml', 'Runtime: nodejs24.x', 'Runtime: nodejs14.x');
    const found = validateLesson(f.dir).diagnostics.map(formatDiagnostic);
    assert.equal(found.length, 1, found.join('\n'));
    assert.match(found[0], new RegExp(`^template\\.yaml:${line}: runtime 'nodejs14\\.x' can no longer be used`));

    f.replace('template.yaml', 'Runtime: nodejs14.x', 'Runtime: nodejs22.x');
    assert.deepEqual(validateLesson(f.dir).diagnostics, []);
    const warnings = runtimeWarnings(f.dir, 'template.yaml', day('2026-12-03')).map(formatDiagnostic);
    assert.deepEqual(
      warnings.map((w) => w.split(' (')[0]),
      [
        `template.yaml:${line}: warning: runtime 'nodejs22.x' is deprecated by AWS on 2027-04-30 and blocked for new functions from 2027-06-01`,
      ],
    );
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'lab', 'validate', f.dir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    // What the CLI says depends on today: a warning until 2027-06-01 (exit 0), an error from then on.
    const today = judgeRuntime('nodejs22.x')?.level;
    assert.equal(cli.status, today === 'error' ? 1 : 0, cli.stderr);
    if (today === 'warning')
      assert.match(cli.stderr, /template\.yaml:\d+: warning: runtime 'nodejs22\.x' is deprecated by AWS/);
  } finally {
    f.remove();
  }
});
