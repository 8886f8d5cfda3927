// Runs every test/**/*.test.ts with node's test runner (TypeScript through tsx) and ends
// with one summary line: "Summary: N passed, N failed, N skipped".
// Usage: node test/run.mjs [substring…]   (only files whose path contains a substring)
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2).filter((a) => !a.startsWith('--'));

function findTests(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...findTests(path));
    else if (entry.name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const files = findTests(join(root, 'test'))
  .map((f) => relative(root, f))
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
  .sort();
if (files.length === 0) {
  console.error(`no test files match ${filters.join(' ')}`);
  process.exit(1);
}

mkdirSync(join(root, 'test-results'), { recursive: true });
// One file per run (runs started side by side must not read each other's counts), removed
// once counted so runs do not pile up files.
const tapFile = join(root, 'test-results', `tests-${process.pid}.tap`);
const concurrency = process.env.HOC_TEST_CONCURRENCY ?? '2';
const args = [
  '--import',
  'tsx',
  '--test',
  `--test-concurrency=${concurrency}`,
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  '--test-reporter=tap',
  `--test-reporter-destination=${tapFile}`,
  ...files,
];
const started = Date.now();
const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
child.on('exit', (code, signal) => {
  const tap = readFileSync(tapFile, 'utf8');
  rmSync(tapFile, { force: true });
  const count = (name) => Number((tap.match(new RegExp(`^# ${name} (\\d+)$`, 'm')) ?? [])[1] ?? 0);
  const passed = count('pass');
  const failed = count('fail') + count('cancelled');
  const skipped = count('skipped') + count('todo');
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\n${files.length} test files in ${seconds} s`);
  console.log(`Summary: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  const ok = code === 0 && failed === 0 && passed > 0 && !signal;
  process.exit(ok ? 0 : 1);
});
