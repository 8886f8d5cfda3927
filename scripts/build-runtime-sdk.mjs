// The AWS SDK that Node handlers find on the local cloud's Lambda runtime, as on the managed
// runtime: dist/runtimes/node_modules/@aws-sdk/<package>/ holds one minified CommonJS bundle
// and a package.json with `main`, so `require()` and ESM `import` (the bootstrap resolves
// bare specifiers through NODE_PATH) both work in an installed extension with no node_modules.
// CommonJS because handlers on nodejs18.x/20.x may `require()` it (Node 20.18 cannot require ESM);
// esbuild's code splitting is ESM-only, so each client carries its own copy of the shared core.
// Usage: node scripts/build-runtime-sdk.mjs [--out dist/runtimes/node_modules]
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

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

/** Builds every installed package of RUNTIME_SDK_PACKAGES into outDir; returns [{ name, version, bytes }]. */
export async function buildRuntimeSdk(outDir = 'dist/runtimes/node_modules') {
  const out = resolve(outDir);
  rmSync(join(out, '@aws-sdk'), { recursive: true, force: true });
  const present = RUNTIME_SDK_PACKAGES.map((name) => ({ name, version: installedVersion(name) })).filter((p) => p.version);
  const built = await Promise.all(
    present.map(async ({ name, version }) => {
      const dir = join(out, name);
      mkdirSync(dir, { recursive: true });
      const file = join(dir, 'index.js');
      await esbuild.build({
        stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: process.cwd(), loader: 'js' },
        bundle: true,
        platform: 'node',
        target: 'node18',
        format: 'cjs',
        minify: true,
        legalComments: 'none',
        logLevel: 'warning',
        external: PEERS[name] ?? [],
        outfile: file,
      });
      // Named ESM imports of a CommonJS module need names Node's lexer can see.
      const names = Object.keys(require(name)).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k) && k !== 'default');
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n0&&(module.exports={${names.join(',')}});\n`);
      writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name, version, main: 'index.js', description: 'Bundled for the Hands-on Cloud Lambda runtime' }, null, 2)}\n`);
      return { name, version, bytes: statSync(file).size };
    }),
  );
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
  if (!existsSync(resolve('dist/runtimes/node/bootstrap.js'))) console.log('note: dist/runtimes/node/bootstrap.js is not built yet (node esbuild.mjs)');
}
