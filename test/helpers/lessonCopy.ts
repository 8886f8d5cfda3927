// A lesson as it ships, copied for a test to run: never the repository's own folder, whose
// .hoc/ state and .build/ bundles would then change under other tests reading or copying it.
// Copies live under out/ (ignored) inside the repository, so handler imports resolve from its
// node_modules as they do for the lesson itself.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, relative, sep } from 'node:path';
import { ROOT } from './cloudProcess';

/** What running a lesson writes into its folder; none of it is part of the lesson. */
const RUN_OUTPUT = new Set(['.hoc', '.build', 'out', 'node_modules']);

/** Copies `src` (a lesson folder) to `dest`, leaving out what running it wrote there. */
export function copyLessonFiles(src: string, dest: string): void {
  cpSync(src, dest, {
    recursive: true,
    filter: (path) =>
      !relative(src, path)
        .split(sep)
        .some((part) => RUN_OUTPUT.has(part)),
  });
}

/** A fresh copy of labs/<lesson> (same folder name); `remove` deletes it. */
export function copyRepositoryLessonForTest(lesson: string): { dir: string; remove: () => void } {
  const parent = join(ROOT, 'out', 'lesson-copies', randomBytes(4).toString('hex'));
  const dir = join(parent, basename(lesson));
  mkdirSync(dirname(dir), { recursive: true });
  copyLessonFiles(join(ROOT, 'labs', lesson), dir);
  return { dir, remove: () => rmSync(parent, { recursive: true, force: true }) };
}
