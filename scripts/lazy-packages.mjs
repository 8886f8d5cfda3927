// Packages a bundle requires on first use rather than when it is loaded. Each group of packages
// goes into a bundle of its own, required the first time one of their exports is used:
//  - dist/aws-sdk.js, the AWS SDK clients the extension and `hoc` import: activating the
//    extension (or running a `hoc` command that never reaches a target) no longer reads and
//    evaluates a megabyte of SDK clients;
//  - dist/extension-libs.js, the libraries the extension needs once it reads a lesson (YAML,
//    JSON Schema, ASL validation, markdown, zip): the extension host loads the code activation
//    runs, and the catalog of lessons, which activation starts without waiting, loads the rest.
//
// In the bundles that import them, each import of these packages becomes a small module whose
// exports are getters over the package as its lazy bundle loads it. Its names are those the
// sources import (read from src/ when the bundle is built; every export of the installed
// package where a source takes the whole module), so the sources keep their imports unchanged,
// and under tsx they import the packages themselves. A module must not use such a package when
// it is evaluated (only inside functions), or the lazy bundle is loaded with it.
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** A lazy bundle: its file beside the bundles that require it, and the packages it holds. */
export const AWS_SDK = {
  file: 'aws-sdk.js',
  packages: String.raw`@aws-sdk/[\w-]+|@smithy/signature-v4|@aws-crypto/sha256-js`,
};
export const EXTENSION_LIBS = { file: 'extension-libs.js', packages: 'yaml|ajv|asl-validator|markdown-it|fflate' };

function importPatterns(lazy) {
  return {
    imports: new RegExp(
      String.raw`import\s+(type\s+)?([\w*\s]*?,?\s*(?:\{([^}]*)\})?)\s*from\s*'(${lazy.packages})'`,
      'g',
    ),
    otherUses: new RegExp(
      String.raw`(?:import\(|require\(|export\s*(?:\*|\{[^}]*\})\s*from\s*)'(${lazy.packages})'`,
      'g',
    ),
  };
}

/** Per package, the value names src/ imports from it; `all` where a source takes the module whole. */
function importedNames(patterns, dir = 'src', found = new Map()) {
  const add = (pkg, names) => {
    const known = found.get(pkg);
    if (known === 'all' || names === 'all') return void found.set(pkg, 'all');
    found.set(pkg, new Set([...(known ?? []), ...names]));
  };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) importedNames(patterns, path, found);
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue;
    // Comments may name a package (`require('@aws-sdk/client-s3')` in a sentence): not an import.
    const text = readFileSync(path, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    for (const [, typeOnly, clause, braces, pkg] of text.matchAll(patterns.imports)) {
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
    for (const [, pkg] of text.matchAll(patterns.otherUses)) add(pkg, 'all');
  }
  return found;
}

/** An esbuild plugin for `lazy` (AWS_SDK, EXTENSION_LIBS); `packages` collects those it saw, for buildLazyBundle. */
export function lazyPackages(lazy, packages) {
  const namespace = `lazy:${lazy.file}`;
  const patterns = importPatterns(lazy);
  const bundle = `./${lazy.file}`;
  let imported;
  return {
    name: `lazy-${lazy.file}`,
    setup(build) {
      build.onStart(() => {
        imported = importedNames(patterns);
      });
      build.onResolve({ filter: new RegExp(`^(${lazy.packages})$`) }, (args) => ({ path: args.path, namespace }));
      // Left to Node at run time: resolved beside the bundle that requires it.
      build.onResolve({ filter: new RegExp(`^${bundle.replace(/\./g, '\\.')}$`), namespace }, (args) => ({
        path: args.path,
        external: true,
      }));
      build.onLoad({ filter: /.*/, namespace }, (args) => {
        packages.add(args.path);
        const wanted = imported.get(args.path) ?? 'all'; // imported from outside src/
        const exported = require(args.path);
        const names =
          wanted instanceof Set
            ? [...wanted].filter((n) => n !== 'default').sort()
            : Object.keys(exported).filter((n) => n !== 'default' && n !== '__esModule');
        const missing = names.filter((n) => !(n in exported));
        if (missing.length) return { errors: [{ text: `${args.path} exports no ${missing.join(', ')}` }] };
        return {
          loader: 'js',
          contents: [
            `let loaded;`,
            `const load = () => (loaded ??= require(${JSON.stringify(bundle)})(${JSON.stringify(args.path)}));`,
            `Object.defineProperty(exports, '__esModule', { value: true });`,
            `for (const name of ${JSON.stringify(names)})`,
            `  Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });`,
            // A default import: the package's own default, or the CommonJS module itself.
            `Object.defineProperty(exports, 'default', {`,
            `  enumerable: true,`,
            `  get: () => (load().__esModule ? load().default : load()),`,
            `});`,
          ].join('\n'),
        };
      });
    },
  };
}

/** dist/<lazy.file>: one function taking a package name; each package is evaluated on its first request. */
export async function buildLazyBundle(lazy, packages, options) {
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
        `  if (!load) throw new Error(name + ' is not in dist/${lazy.file}: rebuild the extension (npm run build).');`,
        `  return load();`,
        `};`,
      ].join('\n'),
      resolveDir: process.cwd(),
      sourcefile: `${lazy.file.replace(/\.js$/, '')}-bundle.js`,
      loader: 'js',
    },
    outfile: `dist/${lazy.file}`,
  });
}
