// Paths a lesson names must stay inside the lesson folder (a packaged lesson is all the
// student has), and must exist.
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';

export type PathProblem = 'outside' | 'missing' | 'notFile' | 'notFolder' | undefined;

/** Absolute path of `rel` inside `root`, or undefined when it leaves the folder. */
export function insideLesson(root: string, rel: string): string | undefined {
  if (isAbsolute(rel)) return undefined;
  const abs = resolve(root, rel);
  const r = relative(root, abs);
  if (r.startsWith('..') || isAbsolute(r)) return undefined;
  return abs;
}

export function checkLessonPath(root: string, rel: string, kind: 'file' | 'folder' | 'any' = 'file'): PathProblem {
  const abs = insideLesson(root, rel);
  if (!abs) return 'outside';
  if (!existsSync(abs)) return 'missing';
  const dir = statSync(abs).isDirectory();
  if (kind === 'file' && dir) return 'notFile';
  if (kind === 'folder' && !dir) return 'notFolder';
  return undefined;
}

/** The sentence for a path problem, or undefined when the path is fine. */
export function describePathProblem(
  root: string,
  rel: string,
  what: string,
  kind: 'file' | 'folder' | 'any' = 'file',
): string | undefined {
  switch (checkLessonPath(root, rel, kind)) {
    case 'outside':
      return `${what} '${rel}' leaves the lesson folder; lessons may only use files inside their own folder`;
    case 'missing':
      return `${what} '${rel}' does not exist; create it or fix the path (relative to the lesson folder)`;
    case 'notFile':
      return `${what} '${rel}' is a folder; name a file`;
    case 'notFolder':
      return `${what} '${rel}' is a file; name a folder`;
    default:
      return undefined;
  }
}
