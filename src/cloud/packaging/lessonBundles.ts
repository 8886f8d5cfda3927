// What a packaged lesson prebuilds (see prebuilt.ts): the bundle of every Node function in its
// template and of every TypeScript/JavaScript lesson script its steps run. Built where the
// lesson is packaged (`hoc pack`, `npm run package`), where node_modules holds its npm imports.
import { dirname, join, relative, resolve, sep } from 'node:path';
import { existsSync } from 'node:fs';
import type { Lesson } from '../../shared/lessonTypes';
import type { LessonTemplate } from '../template/model';
import type { BundleRequest } from './bundler';
import { functionBundleRequest } from './packageFunction';
import { prebuild, writePrebuiltIndex, type PrebuiltEntry } from './prebuilt';
import { runtimeFamily } from './runtimes';

const SCRIPT = /\.(ts|mts|js|mjs|cjs)$/;

/**
 * How a lesson script is prebuilt: ESM with the AWS SDK left out (the script runner bundles the
 * prebuilt file again with the SDK, from node_modules or from the runtime's copy in dist/runtimes),
 * so every packaged script does not carry its own copy of the SDK.
 */
export function scriptPrebuildRequest(script: string, lessonDir: string): BundleRequest {
  return { entry: script, workingDir: lessonDir, platformTarget: 'node20', format: 'esm', external: ['@aws-sdk/*'] };
}

/** Every bundle a lesson needs, as the deployer and the script runner will ask for them. */
export function lessonBundleRequests(dir: string, lesson: Lesson, template: LessonTemplate): BundleRequest[] {
  const out = new Map<string, BundleRequest>();
  for (const r of Object.values(template.resources)) {
    const { CodeUri, Runtime, Handler } = r.properties as { CodeUri?: unknown; Runtime?: unknown; Handler?: unknown };
    if (
      typeof CodeUri !== 'string' ||
      typeof Runtime !== 'string' ||
      typeof Handler !== 'string' ||
      runtimeFamily(Runtime) !== 'node'
    )
      continue;
    const req = functionBundleRequest(join(template.baseDir, CodeUri), Runtime, Handler);
    out.set(`${req.entry}|${Runtime}`, req);
  }
  for (const step of lesson.steps) {
    for (const item of [...step.actions, ...step.checks]) {
      if ((item.type !== 'runScript' && item.type !== 'script') || !SCRIPT.test(item.script)) continue;
      const script = resolve(dir, item.script);
      if (existsSync(script)) out.set(script, scriptPrebuildRequest(script, resolve(dir)));
    }
  }
  return [...out.values()];
}

export interface PrebuildSummary {
  bundles: number;
  bytes: number;
  /** Entries that did not bundle (a lesson may ship a handler the student completes): `file: reason`. */
  skipped: string[];
}

/** Every node_modules folder at or above `dir`. */
export function nodeModulesAbove(dir: string): string[] {
  const out: string[] = [];
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, 'node_modules'))) out.push(join(d, 'node_modules'));
    if (dirname(d) === d) return out;
  }
}

/**
 * Prebuilds a lesson's bundles into <dir>/.build (replacing its index). `resolveFrom`: folders
 * whose node_modules npm imports also resolve from, when `dir` is a copy outside the checkout.
 */
export async function prebuildLessonBundles(
  dir: string,
  lesson: Lesson,
  template: LessonTemplate,
  resolveFrom: string[] = [],
): Promise<PrebuildSummary> {
  const root = resolve(dir);
  const index: Record<string, PrebuiltEntry> = {};
  const skipped: string[] = [];
  let bytes = 0;
  const extra = resolveFrom.flatMap(nodeModulesAbove);
  // One at a time: each build already uses every core, and memory stays bounded.
  for (const req of lessonBundleRequests(root, lesson, template)) {
    try {
      const built = await prebuild(root, { ...req, nodePaths: [...(req.nodePaths ?? []), ...extra] });
      index[built.key] = built.entry;
      bytes += built.bytes;
    } catch (e) {
      // Not fatal: without a prebuilt bundle the entry is bundled from its sources when used.
      skipped.push(`${relative(root, req.entry).split(sep).join('/')}: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  writePrebuiltIndex(root, index);
  return { bundles: Object.keys(index).length, bytes, skipped };
}
