// Runs the benchmarks one after another (never in parallel: they measure the machine).
// Usage: node bench/run.mjs [name…]   (names with or without .ts; default: every bench/*.ts)
// Build first (`npm run bench` does): some benchmarks start dist/localcloud.js.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = new URL('.', import.meta.url).pathname;
const root = join(dir, '..');
const all = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .sort();
const wanted = process.argv.slice(2).map((a) => a.replace(/^bench\//, '').replace(/\.ts$/, ''));
const unknown = wanted.filter((w) => !all.includes(`${w}.ts`));
if (unknown.length > 0) {
  console.error(
    `no benchmark named ${unknown.join(', ')}; there are: ${all.map((f) => f.replace(/\.ts$/, '')).join(', ')}`,
  );
  process.exit(2);
}
const files = wanted.length > 0 ? wanted.map((w) => `${w}.ts`) : all;
const failed = [];
for (const file of files) {
  console.log(`\n=== bench/${file} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(dir, file)], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) failed.push(file);
}
console.log(
  `\n${files.length - failed.length} of ${files.length} benchmarks ran${failed.length ? `; failed: ${failed.join(', ')}` : ''}`,
);
process.exit(failed.length ? 1 : 0);
