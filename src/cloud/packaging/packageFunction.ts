// A function's deployment package: TS/JS bundled for its Node runtime (the AWS SDK is left to
// the runtime), Python and custom runtimes zipped as they are.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BundleEngine, BundleRequest } from './bundler';
import { bundleOrPrebuilt } from './prebuilt';
import { codeSha256, deterministicZip, type ZipEntry } from './deterministicZip';
import { handlerFileCandidates, handlerModule, nodeTarget, runtimeFamily } from './runtimes';

export interface FunctionPackage {
  zip: Uint8Array;
  /** base64 SHA-256, comparable with Lambda's CodeSha256. */
  sha256: string;
  files: string[];
}

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const SKIP = new Set(['node_modules', '__pycache__', '.git', '.DS_Store', '.build', '.hoc']);

/** How a Node function's handler is bundled: CommonJS for its runtime, the AWS SDK left to the runtime. */
export function functionBundleRequest(codeDir: string, runtime: string, handler: string): BundleRequest {
  const entry = handlerFileCandidates(runtime, handler)
    .map((c) => join(codeDir, c))
    .find(isFile);
  if (!entry)
    throw new Error(`handler '${handler}' needs ${handlerFileCandidates(runtime, handler).join(' or ')} in ${codeDir}`);
  return {
    entry,
    workingDir: codeDir,
    platformTarget: nodeTarget(runtime),
    format: 'cjs',
    external: ['@aws-sdk/*', '@smithy/*'],
    nodePaths: [join(codeDir, 'node_modules')],
  };
}

/** `prebuiltCopies`: other folders of the lesson whose prebuilt bundles may stand in (see findPrebuilt). */
export async function packageFunction(
  codeDir: string,
  runtime: string,
  handler: string,
  engine?: BundleEngine,
  prebuiltCopies: readonly string[] = [],
): Promise<FunctionPackage> {
  const entries: ZipEntry[] = [];
  const family = runtimeFamily(runtime);
  if (family === 'node') {
    // A packaged lesson's prebuilt bundle stands in when npm imports are not installed.
    const req = functionBundleRequest(codeDir, runtime, handler);
    const js = await bundleOrPrebuilt(req, engine, req, prebuiltCopies);
    entries.push({ path: `${handlerModule(handler)}.js`, data: Buffer.from(js) });
    // Data files next to the code (models, templates) ship too; sources are in the bundle.
    for (const f of walk(codeDir))
      if (!SOURCE.test(f) && f !== 'package.json' && f !== 'package-lock.json' && f !== 'tsconfig.json')
        entries.push({ path: f, data: readFileSync(join(codeDir, f)) });
  } else {
    for (const f of walk(codeDir)) {
      if (f.endsWith('.pyc')) continue;
      const data = readFileSync(join(codeDir, f));
      entries.push({
        path: f,
        data,
        executable: family === 'provided' && (f === 'bootstrap' || (statSync(join(codeDir, f)).mode & 0o111) !== 0),
      });
    }
  }
  const zip = deterministicZip(entries);
  return { zip, sha256: codeSha256(zip), files: entries.map((e) => e.path).sort() };
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function walk(root: string, dir = root): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(e.name)) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(root, p));
    else if (e.isFile()) out.push(relative(root, p).split('\\').join('/'));
  }
  return out.sort();
}
