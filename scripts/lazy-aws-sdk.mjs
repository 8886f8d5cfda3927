// The AWS SDK packages the extension and `hoc` import go into a bundle of their own,
// dist/aws-sdk.js, which is required the first time one of their exports is used: activating
// the extension (or running a `hoc` command that never reaches a target) no longer reads and
// evaluates a megabyte of SDK clients.
//
// In the extension and CLI bundles each import of these packages becomes a small module whose
// exports are getters over the package as dist/aws-sdk.js loads it. Its names are those the
// sources import (read from src/ when the bundle is built; every export of the installed
// package where a source takes the whole module), so the sources keep their imports unchanged,
// and under tsx they import the packages themselves.
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const SDK_BUNDLE = './aws-sdk.js';
const NAMESPACE = 'lazy-aws-sdk';
const PACKAGE = String.raw`@aws-sdk/[\w-]+|@smithy/signature-v4|@aws-crypto/sha256-js`;
const IMPORT_RE = new RegExp(
  String.raw`import\s+(type\s+)?([\w*\s]*?,?\s*(?:\{([^}]*)\})?)\s*from\s*'(${PACKAGE})'`,
  'g',
);
const OTHER_USE_RE = new RegExp(
  String.raw`(?:import\(|require\(|export\s*(?:\*|\{[^}]*\})\s*from\s*)'(${PACKAGE})'`,
  'g',
);

/** Per package, the value names src/ imports from it; `all` where a source takes the module whole. */
function importedNames(dir = 'src', found = new Map()) {
  const add = (pkg, names) => {
    const known = found.get(pkg);
    if (known === 'all' || names === 'all') return void found.set(pkg, 'all');
    found.set(pkg, new Set([...(known ?? []), ...names]));
  };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) importedNames(path, found);
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue;
    // Comments may name a package (`require('@aws-sdk/client-s3')` in a sentence): not an import.
    const text = readFileSync(path, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    for (const [, typeOnly, clause, braces, pkg] of text.matchAll(IMPORT_RE)) {
      if (typeOnly) continue;
      const outside = braces === undefined ? clause : clause.slice(0, clause.indexOf('{'));
      if (/\w/.test(outside)) add(pkg, 'all'); // a default or namespace import
      const names = (braces ?? '')
        .split(',')
        .map((n) => n.trim())
        .filter((n) => n && !n.startsWith('type '))
        .map((n) => n.split(/\s+as\s+/)[0].trim());
      add(pkg, names);
    }
    for (const [, pkg] of text.matchAll(OTHER_USE_RE)) add(pkg, 'all');
  }
  return found;
}

/** An esbuild plugin; `packages` collects the SDK packages it saw, for buildSdkBundle. */
export function lazyAwsSdk(packages) {
  let imported;
  return {
    name: 'lazy-aws-sdk',
    setup(build) {
      build.onStart(() => {
        imported = importedNames();
      });
      build.onResolve({ filter: new RegExp(`^(${PACKAGE})$`) }, (args) => ({ path: args.path, namespace: NAMESPACE }));
      // Left to Node at run time: resolved beside the bundle that requires it.
      build.onResolve({ filter: /^\.\/aws-sdk\.js$/, namespace: NAMESPACE }, (args) => ({
        path: args.path,
        external: true,
      }));
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => {
        packages.add(args.path);
        const wanted = imported.get(args.path) ?? 'all'; // imported from outside src/
        const exported = require(args.path);
        const names =
          wanted instanceof Set
            ? [...wanted].sort()
            : Object.keys(exported).filter((n) => n !== 'default' && n !== '__esModule');
        const missing = names.filter((n) => !(n in exported));
        if (missing.length) return { errors: [{ text: `${args.path} exports no ${missing.join(', ')}` }] };
        return {
          loader: 'js',
          contents: [
            `let loaded;`,
            `const load = () => (loaded ??= require(${JSON.stringify(SDK_BUNDLE)})(${JSON.stringify(args.path)}));`,
            `Object.defineProperty(exports, '__esModule', { value: true });`,
            `for (const name of ${JSON.stringify(names)})`,
            `  Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });`,
          ].join('\n'),
        };
      });
    },
  };
}

/** dist/aws-sdk.js: one function taking a package name; each package is evaluated on its first request. */
export async function buildSdkBundle(packages, options) {
  const loaders = [...packages]
    .sort()
    .map((p) => `  ${JSON.stringify(p)}: () => require(${JSON.stringify(p)}),`)
    .join('\n');
  await esbuild.build({
    ...options,
    stdin: {
      contents: [
        `const packages = {\n${loaders}\n};`,
        `module.exports = (name) => {`,
        `  const load = packages[name];`,
        `  if (!load) throw new Error(name + ' is not in dist/aws-sdk.js: rebuild the extension (npm run build).');`,
        `  return load();`,
        `};`,
      ].join('\n'),
      resolveDir: process.cwd(),
      sourcefile: 'aws-sdk-bundle.js',
      loader: 'js',
    },
    outfile: 'dist/aws-sdk.js',
  });
}
