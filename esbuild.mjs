// One build for every bundle: the extension, the `hoc` CLI, the standalone local cloud,
// each webview (src/webview/<view>/main.ts) and each Lambda runtime bootstrap.
import * as esbuild from 'esbuild';
import { cpSync, existsSync, readdirSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  sourcemap: true,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

const nodeCommon = { ...common, platform: 'node', target: 'node20', format: 'cjs' };

/** Every folder under src/webview with a main.ts is one browser bundle. */
function webviewEntries() {
  const root = 'src/webview';
  if (!existsSync(root)) return {};
  const entries = {};
  for (const dir of readdirSync(root, { withFileTypes: true })) {
    const main = join(root, dir.name, 'main.ts');
    if (dir.isDirectory() && existsSync(main)) entries[dir.name] = main;
  }
  return entries;
}

/** Node bootstraps of the Lambda runtimes (other runtimes are copied as they are). */
function runtimeEntries() {
  const entries = {};
  const node = 'src/localcloud/lambda/runtimes/node/bootstrap.ts';
  if (existsSync(node)) entries['node/bootstrap'] = node;
  return entries;
}

const builds = [
  { ...nodeCommon, entryPoints: { extension: 'src/extension/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...nodeCommon, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  { ...nodeCommon, entryPoints: { localcloud: 'src/localcloud/main.ts' }, outdir: 'dist' },
];
const runtimes = runtimeEntries();
if (Object.keys(runtimes).length) builds.push({ ...nodeCommon, entryPoints: runtimes, outdir: 'dist/runtimes' });
const webviews = webviewEntries();
if (Object.keys(webviews).length) {
  builds.push({
    ...common,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    entryPoints: webviews,
    outdir: 'dist/webview',
    loader: { '.ttf': 'file', '.css': 'css' },
  });
}

function copyStatic() {
  // esbuild.wasm: Lambda packaging inside the editor runs esbuild-wasm in-process (no native binary).
  const wasm = 'node_modules/esbuild-wasm/esbuild.wasm';
  if (existsSync(wasm)) {
    mkdirSync('dist', { recursive: true });
    cpSync(wasm, 'dist/esbuild.wasm');
    cpSync('node_modules/esbuild-wasm/lib/browser.min.js', 'dist/esbuild-browser.js');
  }
  // Python bootstrap and other non-TS runtime files ship as they are.
  const py = 'src/localcloud/lambda/runtimes/python';
  if (existsSync(py)) {
    mkdirSync('dist/runtimes', { recursive: true });
    cpSync(py, 'dist/runtimes/python', { recursive: true });
  }
}

const present = builds.filter((b) => Object.values(b.entryPoints).every((p) => existsSync(p)));
if (watch) {
  for (const b of present) (await esbuild.context(b)).watch();
  copyStatic();
  console.log('watching…');
} else {
  await Promise.all(present.map((b) => esbuild.build(b)));
  copyStatic();
  // The AWS SDK for Node handlers in an installed extension (no node_modules there): always for
  // packaging, else once (dev handlers also find the SDK in the project's node_modules).
  if (production || !existsSync('dist/runtimes/node_modules/@aws-sdk')) {
    const { buildRuntimeSdk } = await import('./scripts/build-runtime-sdk.mjs');
    await buildRuntimeSdk('dist/runtimes/node_modules');
  }
}
