// `hoc lab run --solutions`: instructors verify that a lesson can be completed. The lesson is
// copied next to itself (so imports still resolve from the same node_modules) with every
// step's solution files put in place; the original folder is never touched.
import { copyFileSync, cpSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Lesson } from '../../lab';

export interface SolvedCopy {
  dir: string;
  remove(): void;
}

export function solvedCopy(dir: string, lesson: Lesson): SolvedCopy {
  const copy = join(dirname(dir), `.${basename(dir)}-solved-${randomBytes(3).toString('hex')}`);
  cpSync(dir, copy, { recursive: true, filter: (p) => !p.slice(dir.length).split(/[\\/]/).includes('.hoc') });
  for (const step of lesson.steps) {
    for (const [student, solution] of Object.entries(step.solution ?? {})) copyFileSync(join(copy, solution), join(copy, student));
  }
  return { dir: copy, remove: () => rmSync(copy, { recursive: true, force: true }) };
}
