// A VSIX of the extension holding only the chosen lessons, built with @vscode/vsce from a
// staging folder: the manifest (optionally renamed), the built bundles, media, schemas and
// labs/<lesson>/ for each lesson (and a course's labs/course.yaml) — the repository's
// .vscodeignore decides the rest.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { createRequire } from 'node:module';
import { loadLesson } from '../../lab';
import { prebuildLessonBundles } from '../../cloud/packaging/lessonBundles';

type Vsce = typeof import('@vscode/vsce');

/** vsce stays out of the bundle (it has optional native parts); it is an instructor's dev dependency. */
function loadVsce(): Vsce {
  const req = createRequire(typeof __filename === 'string' ? __filename : join(process.cwd(), 'noop.js'));
  const name = ['@vscode', 'vsce'].join('/');
  for (const from of [undefined, process.cwd()]) {
    try {
      return (from ? createRequire(join(from, 'noop.js')) : req)(name) as Vsce;
    } catch {
      // try the next place
    }
  }
  throw new Error('hoc pack needs @vscode/vsce: run it in a checkout of the extension after npm install');
}

export interface PackOptions {
  /** Root of the extension (package.json, dist/, media/ …). */
  extensionRoot: string;
  lessons: Array<{ dir: string; id: string }>;
  /** A course's course.yaml, packed beside the lessons (labs/course.yaml). */
  courseFile?: string;
  out: string;
  name?: string;
  displayName?: string;
  version?: string;
}

export interface PackedFile {
  path: string;
  size: number;
}

export interface PackResult {
  out: string;
  size: number;
  files: PackedFile[];
  /** What each lesson carries prebuilt (functions and scripts bundled with their npm imports). */
  prebuilt: PrebuiltReport[];
}

// .build is rebuilt below from the lesson's sources: a copy from an earlier build may be stale.
const LESSON_SKIP = /(^|[\\/])(\.hoc|\.build|node_modules|__pycache__|\.DS_Store)([\\/]|$)/;
// What a student's scripts write at the lesson's root (out/processed-orders.jsonl, out/cost-estimate.json).
const LESSON_OUTPUT = /^[\\/]out([\\/]|$)/;

export interface PrebuiltReport {
  lesson: string;
  bundles: number;
  bytes: number;
  skipped: string[];
}

export async function buildVsix(o: PackOptions): Promise<PackResult> {
  const root = resolve(o.extensionRoot);
  if (!existsSync(join(root, 'dist', 'extension.js')))
    throw new Error(`${root}/dist/extension.js is missing; build the extension first (npm run build).`);
  const stage = mkdtempSync(join(tmpdir(), 'hoc-pack-'));
  const prebuilt: PrebuiltReport[] = [];
  try {
    if (!existsSync(join(root, 'dist', 'runtimes', 'node_modules', '@aws-sdk')))
      throw new Error(
        `${root}/dist/runtimes/node_modules is missing (the AWS SDK for Node handlers); build the extension first (npm run build).`,
      );
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    if (o.name) manifest.name = o.name;
    if (o.displayName) manifest.displayName = o.displayName;
    if (o.version) manifest.version = o.version;
    // The staging folder is not a development checkout: no build scripts to run, no dependencies to collect.
    delete manifest.scripts;
    delete manifest.devDependencies;
    writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2));
    // package.nls*.json: the manifest's strings per language; l10n/: the extension's (vscode.l10n).
    const nls = readdirSync(root).filter((n) => /^package\.nls(\.[A-Za-z-]+)?\.json$/.test(n));
    for (const entry of [
      'README.md',
      'LICENSE',
      'LICENSE.md',
      'LICENSE.txt',
      'CHANGELOG.md',
      '.vscodeignore',
      ...nls,
      'l10n',
      'dist',
      'media',
      'schemas',
      'templates',
    ]) {
      const from = join(root, entry);
      if (existsSync(from)) cpSync(from, join(stage, entry), { recursive: true, filter: (p) => !p.endsWith('.vsix') });
    }
    for (const lesson of o.lessons) {
      const target = join(stage, 'labs', basename(resolve(lesson.dir)));
      mkdirSync(target, { recursive: true });
      cpSync(resolve(lesson.dir), target, {
        recursive: true,
        filter: (p) => {
          const inLesson = p.slice(resolve(lesson.dir).length);
          return !LESSON_SKIP.test(inLesson) && !LESSON_OUTPUT.test(inLesson);
        },
      });
      // The installed extension has no node_modules: functions and scripts ship prebuilt.
      const copy = loadLesson(target);
      prebuilt.push({
        lesson: lesson.id,
        ...(await prebuildLessonBundles(target, copy.lesson, copy.template, [resolve(lesson.dir), root])),
      });
    }
    if (o.courseFile) {
      mkdirSync(join(stage, 'labs'), { recursive: true });
      cpSync(resolve(o.courseFile), join(stage, 'labs', 'course.yaml'));
    }
    const out = resolve(o.out);
    const vsce = loadVsce();
    await vsce.createVSIX({
      cwd: stage,
      packagePath: out,
      dependencies: false,
      allowMissingRepository: true,
      skipLicense: true,
      rewriteRelativeLinks: false,
      allowStarActivation: false,
    } as Parameters<typeof vsce.createVSIX>[0]);
    const entries = unzipSync(readFileSync(out));
    const files = Object.entries(entries)
      .filter(([p]) => !p.endsWith('/'))
      .map(([path, data]) => ({ path, size: data.length }))
      .sort((a, b) => a.path.localeCompare(b.path));
    return { out, size: statSync(out).size, files, prebuilt };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}
