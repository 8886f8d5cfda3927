// Prebuilt bundles: a packaged lesson carries its functions' and scripts' bundles, built when
// the extension was packaged, because an installed extension has no node_modules to resolve
// npm imports (jimp, nsfwjs …) from. Each bundle is keyed by what it was asked for (entry,
// format, target, externals) and by a SHA-256 of the lesson files that went into it. Sources
// are bundled first; only when their npm imports cannot be resolved does an unedited handler
// or script use its prebuilt bytes (an edited one without npm imports bundles as usual).
// Layout: <lesson>/.build/bundles.json (the index) and <lesson>/.build/<sha>.js.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { bundle, bundleWithInputs, type BundleEngine, type BundleRequest } from './bundler';

export const PREBUILT_DIR = '.build';
const INDEX_FILE = 'bundles.json';
const INDEX_VERSION = 1;

export interface PrebuiltEntry {
  /** Lesson files (relative, '/'-separated) the bundle was built from; npm packages are not listed. */
  inputs: string[];
  /** SHA-256 over the inputs' paths and contents. */
  sourceHash: string;
  /** The bundle, relative to the .build folder. */
  file: string;
}

export interface PrebuiltIndex {
  version: number;
  bundles: Record<string, PrebuiltEntry>;
}

/** The lesson folder an entry belongs to: the nearest folder above it holding lesson.yaml. */
export function lessonRootOf(entry: string): string | undefined {
  for (let d = dirname(resolve(entry)); ; d = dirname(d)) {
    if (existsSync(join(d, 'lesson.yaml'))) return d;
    if (dirname(d) === d) return undefined;
  }
}

const toPosix = (p: string) => p.split(sep).join('/');

/** What a bundle was asked for, independent of where the lesson folder is. */
export function prebuiltKey(root: string, req: BundleRequest): string {
  return [
    toPosix(relative(root, resolve(req.entry))),
    req.format,
    req.platformTarget,
    [...req.external].sort().join(','),
  ].join('|');
}

/** SHA-256 over the inputs; undefined when one is gone (the sources changed). */
export function sourceHash(root: string, inputs: readonly string[]): string | undefined {
  const h = createHash('sha256');
  for (const rel of [...inputs].sort()) {
    const file = join(root, rel);
    if (!existsSync(file)) return undefined;
    h.update(rel).update('\0').update(readFileSync(file)).update('\0');
  }
  return h.digest('hex');
}

export function readPrebuiltIndex(root: string): PrebuiltIndex | undefined {
  const file = join(root, PREBUILT_DIR, INDEX_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const index = JSON.parse(readFileSync(file, 'utf8')) as PrebuiltIndex;
    return index.version === INDEX_VERSION && index.bundles ? index : undefined;
  } catch {
    return undefined; // a damaged index only means bundling from the sources
  }
}

export type PrebuiltLookup = { kind: 'match'; file: string } | { kind: 'stale' } | { kind: 'none' };

/**
 * A prebuilt bundle for this request whose sources are unchanged ('stale' when they changed).
 * `copies` are other folders of the same lesson whose .build may hold it — the extension's own
 * copy, for a workspace copy of a bundled lesson without its node_modules: the workspace files'
 * content hash must equal the one the copy's bundle was built from.
 */
export function findPrebuilt(req: BundleRequest, copies: readonly string[] = []): PrebuiltLookup {
  const root = lessonRootOf(req.entry);
  if (!root) return { kind: 'none' };
  const key = prebuiltKey(root, req);
  let found: PrebuiltLookup = { kind: 'none' };
  for (const holder of [root, ...copies]) {
    const entry = readPrebuiltIndex(holder)?.bundles[key];
    if (!entry) continue;
    const file = join(holder, PREBUILT_DIR, entry.file);
    if (existsSync(file) && sourceHash(root, entry.inputs) === entry.sourceHash) return { kind: 'match', file };
    found = { kind: 'stale' };
  }
  return found;
}

/** Builds one bundle into <root>/.build and returns its index entry (the caller writes the index). */
export async function prebuild(
  root: string,
  req: BundleRequest,
): Promise<{ key: string; entry: PrebuiltEntry; bytes: number }> {
  const { text, inputs } = await bundleWithInputs(req);
  const lessonInputs = inputs
    .map((abs) => relative(root, abs))
    .filter((rel) => rel && !rel.startsWith('..') && !isAbsolute(rel) && !rel.split(sep).includes('node_modules'))
    .map(toPosix)
    .sort();
  const hash = sourceHash(root, lessonInputs)!;
  const file = `${createHash('sha256').update(text).digest('hex').slice(0, 16)}.js`;
  mkdirSync(join(root, PREBUILT_DIR), { recursive: true });
  writeFileSync(join(root, PREBUILT_DIR, file), text);
  return {
    key: prebuiltKey(root, req),
    entry: { inputs: lessonInputs, sourceHash: hash, file },
    bytes: Buffer.byteLength(text),
  };
}

export function writePrebuiltIndex(root: string, bundles: Record<string, PrebuiltEntry>): void {
  mkdirSync(join(root, PREBUILT_DIR), { recursive: true });
  const sorted = Object.fromEntries(Object.entries(bundles).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(
    join(root, PREBUILT_DIR, INDEX_FILE),
    `${JSON.stringify({ version: INDEX_VERSION, bundles: sorted }, null, 1)}\n`,
  );
}

/** The npm packages esbuild could not find, from its "Could not resolve" messages. */
function unresolvedPackages(e: unknown): string[] {
  const specs = [...String((e as Error)?.message ?? e).matchAll(/Could not resolve "([^"]+)"/g)].map((m) => m[1]!);
  const packages = specs
    .filter((s) => !s.startsWith('.') && !isAbsolute(s))
    .map((s) =>
      s
        .split('/')
        .slice(0, s.startsWith('@') ? 2 : 1)
        .join('/'),
    );
  return [...new Set(packages)];
}

/**
 * A bundle of the sources; when their npm imports are not installed (an installed extension
 * has no node_modules), the lesson's prebuilt bundle if the sources are those it was built from.
 * Sources come first so that a checkout always bundles its current node_modules. When the
 * sources changed since packaging, the error says how to recover. `prebuiltAs` is the request
 * the prebuilt bundle was made for when it differs from `req` (lesson scripts are prebuilt
 * without the AWS SDK, which is bundled in afterwards).
 */
export async function bundleOrPrebuilt(
  req: BundleRequest,
  engine?: BundleEngine,
  prebuiltAs: BundleRequest = req,
  copies: readonly string[] = [],
): Promise<string> {
  try {
    return await bundle(req, engine);
  } catch (e) {
    const missing = unresolvedPackages(e);
    if (!missing.length) throw e;
    const found = findPrebuilt(prebuiltAs, copies);
    if (found.kind === 'match')
      return prebuiltAs === req ? readFileSync(found.file, 'utf8') : bundle({ ...req, entry: found.file }, engine);
    if (found.kind === 'stale') {
      const root = lessonRootOf(req.entry)!;
      throw new Error(
        `${(e as Error).message}\n${toPosix(relative(root, req.entry))} or a file it imports changed since the lesson was packaged, and ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not installed here to bundle it again. ` +
          `Undo the change (the lesson's solution or a fresh copy of the file), or run \`npm install ${missing.join(' ')}\` in the lesson folder.`,
      );
    }
    throw e;
  }
}
