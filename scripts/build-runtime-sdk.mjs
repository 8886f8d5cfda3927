// The AWS SDK that Node handlers find on the local cloud's Lambda runtime, as on the managed
// runtime: dist/runtimes/node_modules/@aws-sdk/<package>/ holds one minified CommonJS bundle
// and a package.json with `main`, so `require()` and ESM `import` (the bootstrap resolves
// bare specifiers through NODE_PATH) both work in an installed extension with no node_modules.
// CommonJS because handlers on nodejs18.x/20.x may `require()` it (Node 20.18 cannot require ESM).
// esbuild's code splitting is ESM-only, so the modules several clients use (SDK core, smithy,
// credential providers) go into @aws-sdk/.shared/index.js by hand, as node_modules shares them.
// Usage: node scripts/build-runtime-sdk.mjs [--out dist/runtimes/node_modules]
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';

const require = createRequire(import.meta.url);

/** What a lesson's handler is likely to import on the managed runtime (those installed here are built). */
export const RUNTIME_SDK_PACKAGES = [
  '@aws-sdk/client-s3',
  '@aws-sdk/client-sqs',
  '@aws-sdk/client-lambda',
  '@aws-sdk/client-sfn',
  '@aws-sdk/client-dynamodb',
  '@aws-sdk/lib-dynamodb',
  '@aws-sdk/client-sns',
  '@aws-sdk/client-eventbridge',
  '@aws-sdk/client-cloudwatch-logs',
  '@aws-sdk/client-sts',
  '@aws-sdk/lib-storage',
  '@aws-sdk/s3-request-presigner',
];

/** Packages that extend another one stay linked to it, so they share its client classes (and bytes). */
const PEERS = {
  '@aws-sdk/lib-storage': ['@aws-sdk/client-s3'],
  '@aws-sdk/s3-request-presigner': ['@aws-sdk/client-s3'],
  '@aws-sdk/lib-dynamodb': ['@aws-sdk/client-dynamodb'],
};

function installedVersion(name) {
  try {
    return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
  } catch {
    return undefined;
  }
}

const SHARED_DIR = '.shared';
const isBare = (spec) => !!spec && !spec.startsWith('.') && !spec.startsWith('/') && !spec.startsWith('node:');

function buildOptions(name, extra) {
  return {
    stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    minify: true,
    // Class and function names stay (err.constructor.name, logged commands) as in the real SDK.
    keepNames: true,
    legalComments: 'none',
    logLevel: 'warning',
    external: PEERS[name] ?? [],
    ...extra,
  };
}

/**
 * Module files (as esbuild names them, relative to the project) that at least two packages
 * reach through a bare import: the SDK core, smithy, credential providers. They go into one
 * shared bundle instead of into every client (CommonJS has no code splitting to do it).
 */
async function sharedModules(packages) {
  const seenBy = new Map();
  for (const { name } of packages) {
    const r = await esbuild.build(
      buildOptions(name, { write: false, metafile: true, outfile: 'probe.js', minify: false }),
    );
    const reached = new Set();
    for (const input of Object.values(r.metafile.inputs)) {
      for (const i of input.imports)
        if (isBare(i.original) && !i.external && !i.path.startsWith('<')) reached.add(i.path);
    }
    for (const path of reached) seenBy.set(path, (seenBy.get(path) ?? 0) + 1);
  }
  return new Set([...seenBy].filter(([, n]) => n >= 2).map(([path]) => path));
}

/** Sends bare imports of shared modules to the shared bundle (required lazily, so each client loads only what it uses). */
function useShared(shared) {
  return {
    name: 'hoc-shared-sdk',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === 'inner' || args.path.startsWith('node:') || args.namespace === 'hoc-shared')
          return undefined;
        const r = await build.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: 'inner',
        });
        if (r.errors.length || r.external) return undefined;
        const key = relative(process.cwd(), r.path).split(sep).join('/');
        return shared.has(key) ? { path: key, namespace: 'hoc-shared' } : undefined;
      });
      build.onResolve({ filter: /^\.\.\/\.shared\/index\.js$/ }, (args) => ({ path: args.path, external: true }));
      build.onLoad({ filter: /.*/, namespace: 'hoc-shared' }, (args) => ({
        contents: `module.exports = require('../${SHARED_DIR}/index.js')(${JSON.stringify(args.path)});`,
        loader: 'js',
        resolveDir: process.cwd(),
      }));
    },
  };
}

/** Builds every installed package of RUNTIME_SDK_PACKAGES into outDir; returns [{ name, version, bytes }]. */
export async function buildRuntimeSdk(outDir = 'dist/runtimes/node_modules') {
  const out = resolve(outDir);
  rmSync(join(out, '@aws-sdk'), { recursive: true, force: true });
  const present = RUNTIME_SDK_PACKAGES.map((name) => ({ name, version: installedVersion(name) })).filter(
    (p) => p.version,
  );
  const shared = await sharedModules(present);
  const sharedFile = join(out, '@aws-sdk', SHARED_DIR, 'index.js');
  const keys = [...shared].sort();
  await esbuild.build({
    ...buildOptions('', { external: [] }),
    stdin: {
      contents: `const m = {${keys.map((k) => `${JSON.stringify(k)}: () => require(${JSON.stringify(`./${k}`)})`).join(',\n')}};\nconst cache = {};\nmodule.exports = (key) => (cache[key] ??= m[key]());`,
      resolveDir: process.cwd(),
      loader: 'js',
    },
    outfile: sharedFile,
  });
  const built = [{ name: `@aws-sdk/${SHARED_DIR}`, version: '', bytes: statSync(sharedFile).size }];
  for (const { name, version } of present) {
    const dir = join(out, name);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'index.js');
    await esbuild.build(buildOptions(name, { outfile: file, plugins: [useShared(shared)] }));
    // Named ESM imports of a CommonJS module need names Node's lexer can see.
    const names = Object.keys(require(name)).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k) && k !== 'default');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n0&&(module.exports={${names.join(',')}});\n`);
    writeFileSync(
      join(dir, 'package.json'),
      `${JSON.stringify({ name, version, main: 'index.js', description: 'Bundled for the Hands-on Cloud Lambda runtime' }, null, 2)}\n`,
    );
    built.push({ name, version, bytes: statSync(file).size });
  }
  return built;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const i = process.argv.indexOf('--out');
  const built = await buildRuntimeSdk(i > 0 ? process.argv[i + 1] : undefined);
  let total = 0;
  for (const b of built) {
    total += b.bytes;
    console.log(`${(b.bytes / 1024).toFixed(0).padStart(7)} KB  ${b.name}@${b.version}`);
  }
  console.log(`${(total / 1024).toFixed(0).padStart(7)} KB  total (${built.length} packages)`);
  if (!existsSync(resolve('dist/runtimes/node/bootstrap.js')))
    console.log('note: dist/runtimes/node/bootstrap.js is not built yet (node esbuild.mjs)');
}
