// Size of the extension bundle and what loading it costs, against requiring an empty module
// in the same run. The extension host requires dist/extension.js before it calls activate().
// Measured apart: dist/extension-features.js (lessons, resources, invoke, the views), which
// activation requires right after it returns, and dist/aws-sdk.js, required the first time a
// client is used (the first deploy, check or resource refresh). dist/extension-libs.js holds
// the libraries that read lessons, required when the first lesson is read.
// Outside the editor there is no `vscode` module: each child process answers `require('vscode')`
// with an inert object that has the API's top-level names (from @types/vscode), enough for the
// bundle's module code to run; activate() itself is not called here: bench/extension-activation.ts
// reads the activation time the extension host records, in code-server.
// Goals (issue 16): dist/extension.js < 1.5 MB built with `node esbuild.mjs --production`.
// Run: node esbuild.mjs --production && npx tsx bench/extension-bundle.ts [rounds=9]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROUNDS = Number(process.argv[2] ?? 9);
const ROOT = join(__dirname, '..');
const DIST = join(ROOT, 'dist');

/** The names `declare module 'vscode'` exports at its top level (namespaces, classes, enums …). */
function vscodeNames(): string[] {
  const dts = readFileSync(join(ROOT, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8');
  return [
    ...new Set([...dts.matchAll(/^\texport (?:namespace|class|enum|const|function|let) (\w+)/gm)].map((m) => m[1]!)),
  ];
}

/** Child process body: install the inert `vscode`, time one require, report JSON on stdout. */
const CHILD = `
const Module = require('node:module');
const names = JSON.parse(process.env.BENCH_VSCODE_NAMES);
const inert = () => new Proxy(function () {}, {
  get: (t, p) => (p === 'prototype' ? {} : p === Symbol.toPrimitive ? () => '' : inert()),
  construct: () => inert(),
  apply: () => inert(),
});
const vscode = Object.fromEntries(names.map((n) => [n, inert()]));
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscode : load.call(this, request, ...rest);
};
const [file, call] = process.argv.slice(1);
const t = performance.now();
const m = require(file);
if (call) for (const p of call.split(',')) m(p);
const ms = performance.now() - t;
const sdk = Object.keys(require.cache).some((k) => k.endsWith('aws-sdk.js'));
const libs = Object.keys(require.cache).some((k) => k.endsWith('extension-libs.js'));
process.stdout.write(JSON.stringify({ ms, sdk, libs }));
`;

interface Required {
  ms: number;
  /** Whether dist/aws-sdk.js, dist/extension-libs.js were loaded with it. */
  sdk: boolean;
  libs: boolean;
}

function requireOnce(file: string, call?: string): Required {
  const env = { ...process.env, BENCH_VSCODE_NAMES: JSON.stringify(vscodeNames()) };
  const r = spawnSync(process.execPath, ['-e', CHILD, file, ...(call ? [call] : [])], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`requiring ${file} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout) as Required;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (file: string) => (existsSync(file) ? `${(statSync(file).size / 1e6).toFixed(2)} MB` : 'absent');

function main(): void {
  const extension = join(DIST, 'extension.js');
  const features = join(DIST, 'extension-features.js');
  const sdkBundle = join(DIST, 'aws-sdk.js');
  if (!existsSync(extension))
    throw new Error(`${extension} is missing: build it first with \`node esbuild.mjs --production\`.`);
  const dir = mkdtempSync(join(tmpdir(), 'hoc-bench-empty-'));
  const empty = join(dir, 'empty.js');
  writeFileSync(empty, 'module.exports = {};\n');
  const rows: Record<string, number[]> = { empty: [], extension: [], features: [], sdk: [] };
  let sdkAtRequire = false;
  let libsAtRequire = false;
  try {
    // Turns alternate, so load from elsewhere on the machine hits each alike.
    for (let i = 0; i < ROUNDS; i++) {
      rows.empty!.push(requireOnce(empty).ms);
      const ext = requireOnce(extension);
      rows.extension!.push(ext.ms);
      sdkAtRequire ||= ext.sdk;
      libsAtRequire ||= ext.libs;
      if (existsSync(features)) {
        const f = requireOnce(features);
        rows.features!.push(f.ms);
        sdkAtRequire ||= f.sdk;
        libsAtRequire ||= f.libs;
      }
      if (existsSync(sdkBundle))
        rows.sdk!.push(requireOnce(sdkBundle, '@aws-sdk/client-sqs,@aws-sdk/client-lambda').ms);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const peer = median(rows.empty!);
  const row = (name: string, xs: number[], goal = '') =>
    xs.length &&
    console.log([name, median(xs).toFixed(1), peer.toFixed(1), `${(median(xs) / peer).toFixed(1)}×`, goal].join('\t'));
  console.log(`Requiring the extension bundle vs an empty module, median of ${ROUNDS} fresh processes`);
  console.log(['figure', 'ms', 'empty module (ms)', 'ratio', 'goal'].join('\t'));
  row('require dist/extension.js', rows.extension!);
  row('require dist/extension-features.js (right after activation)', rows.features!);
  row('first SDK use: dist/aws-sdk.js + SQS and Lambda clients', rows.sdk!);
  const both = 'dist/extension.js or dist/extension-features.js';
  console.log(`the AWS SDK loaded while requiring ${both}: ${sdkAtRequire ? 'yes' : 'no'}`);
  console.log(`dist/extension-libs.js loaded while requiring ${both}: ${libsAtRequire ? 'yes' : 'no'}`);
  console.log(`dist/extension.js: ${mb(extension)} (goal < 1.5 MB with \`node esbuild.mjs --production\`)`);
  console.log(`dist/extension-features.js: ${mb(features)} (required right after activation)`);
  console.log(`dist/aws-sdk.js: ${mb(sdkBundle)} (required on first use)`);
  console.log(`dist/extension-libs.js: ${mb(join(DIST, 'extension-libs.js'))} (required when a lesson is read)`);
  console.log(`dist/cli.js: ${mb(join(DIST, 'cli.js'))}`);
}

main();
