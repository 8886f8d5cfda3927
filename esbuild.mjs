// One build for every bundle: the extension (what activation runs, and dist/extension-features.js
// it requires right after), the `hoc` CLI, the AWS SDK clients both load on
// first use (dist/aws-sdk.js), the libraries the extension loads once it reads a lesson
// (dist/extension-libs.js), the standalone local cloud (dist/localcloud/, in chunks), each
// webview (src/webview/<view>/main.ts) and each Lambda runtime bootstrap.
import * as esbuild from 'esbuild';
import { cpSync, existsSync, readdirSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AWS_SDK, EXTENSION_LIBS, buildLazyBundle, lazyPackages } from './scripts/lazy-packages.mjs';
import { vscodeOnce } from './scripts/vscode-once.mjs';
import { extensionFeatures } from './scripts/extension-features.mjs';

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

/**
 * The standalone local cloud is split into ES module chunks: its start reads and compiles only
 * the HTTP core, and each service's code is read when the service is first used (a single
 * bundle made Node read and compile 2 MB before the first line ran). Chunks of CommonJS
 * packages still call require and use __dirname, which ES modules lack: the banner gives them.
 */
const LOCAL_CLOUD_DIR = 'dist/localcloud';
const localCloudBuild = {
  ...common,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  splitting: true,
  entryPoints: { main: 'src/localcloud/main.ts' },
  outdir: LOCAL_CLOUD_DIR,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  banner: {
    js: [
      "import { createRequire as __hocCreateRequire } from 'node:module';",
      "import { fileURLToPath as __hocFileURLToPath } from 'node:url';",
      "import { dirname as __hocDirname } from 'node:path';",
      'const require = __hocCreateRequire(import.meta.url);',
      'const __filename = __hocFileURLToPath(import.meta.url);',
      'const __dirname = __hocDirname(__filename);',
    ].join(' '),
  },
};
/** dist/localcloud.js, the path the extension and tools start, loads the chunked entry. */
const LOCAL_CLOUD_LAUNCHER = `// The local cloud (arguments as \`hoc cloud\`): its code is in ./localcloud/, loaded in parts.
import('./localcloud/main.mjs').catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + '\\n');
  process.exit(1);
});
`;

/** The AWS SDK packages the extension and the CLI import: dist/aws-sdk.js, loaded on first use. */
const sdkPackages = new Set();
const sdkPlugins = [lazyPackages(AWS_SDK, sdkPackages)];
/** What the extension needs once it reads a lesson: dist/extension-libs.js, loaded on first use. */
const libPackages = new Set();
/** Both lazy bundles, built once the bundles that import them have said which packages they use. */
const buildLazyBundles = () =>
  Promise.all([
    buildLazyBundle(AWS_SDK, sdkPackages, nodeCommon),
    buildLazyBundle(EXTENSION_LIBS, libPackages, nodeCommon),
  ]);
const builds = [
  {
    ...nodeCommon,
    // Two bundles, no shared chunks (CommonJS): what activation runs, and the features it
    // requires right after it returns (src/extension/featureLoader.ts).
    entryPoints: { extension: 'src/extension/extension.ts', 'extension-features': 'src/extension/features.ts' },
    outdir: 'dist',
    external: ['vscode'],
    plugins: [...sdkPlugins, lazyPackages(EXTENSION_LIBS, libPackages), vscodeOnce, extensionFeatures],
  },
  {
    ...nodeCommon,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
    plugins: sdkPlugins,
  },
  localCloudBuild,
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
  writeFileSync('dist/localcloud.js', LOCAL_CLOUD_LAUNCHER);
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
// Chunk names carry a hash: chunks of earlier builds would pile up (and be packaged).
rmSync(LOCAL_CLOUD_DIR, { recursive: true, force: true });
rmSync('dist/localcloud.js.map', { force: true });
if (watch) {
  const contexts = await Promise.all(present.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.rebuild()));
  // Built once from the first builds' imports: a lazy package imported later needs a restart.
  await buildLazyBundles();
  for (const c of contexts) await c.watch();
  copyStatic();
  console.log('watching…');
} else {
  await Promise.all(present.map((b) => esbuild.build(b)));
  await buildLazyBundles();
  copyStatic();
  // The AWS SDK for Node handlers in an installed extension (no node_modules there): always for
  // packaging, else once (dev handlers also find the SDK in the project's node_modules).
  if (production || !existsSync('dist/runtimes/node_modules/@aws-sdk')) {
    const { buildRuntimeSdk } = await import('./scripts/build-runtime-sdk.mjs');
    await buildRuntimeSdk('dist/runtimes/node_modules');
  }
}
