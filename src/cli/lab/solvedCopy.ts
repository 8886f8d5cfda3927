// `hoc lab run --solutions`: instructors verify that a lesson can be completed. The lesson is
// copied into its own `.hoc/` folder (ignored by git and packaging; imports still resolve from
// the same node_modules above it) with every step's solution files put in place; the lesson's
// own files are never touched.
import { copyFileSync, cpSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Lesson } from '../../lab';

export interface SolvedCopy {
  dir: string;
  remove(): void;
}

export function solvedCopy(dir: string, lesson: Lesson): SolvedCopy {
  const copy = join(dir, '.hoc', `solved-${randomBytes(3).toString('hex')}`, basename(dir));
  // Entry by entry: the copy lives inside the folder it copies.
  for (const entry of readdirSync(dir))
    if (entry !== '.hoc') cpSync(join(dir, entry), join(copy, entry), { recursive: true });
  for (const step of lesson.steps) {
    for (const [student, solution] of Object.entries(step.solution ?? {}))
      copyFileSync(join(copy, solution), join(copy, student));
  }
  return { dir: copy, remove: () => rmSync(dirname(copy), { recursive: true, force: true }) };
}
