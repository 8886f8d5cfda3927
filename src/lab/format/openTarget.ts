// Where an `open` (link or action) lands: the file must be in the lesson, a line must exist
// and a `match` must find something, or the student is left at the top of a file.
import { readFileSync } from 'node:fs';
import { describePathProblem, insideLesson } from './lessonPaths';

/** `content`: also judge the line and match against the file as it is now (authors only: students edit these files). */
export function describeOpenTarget(
  dir: string,
  file: string,
  what: string,
  at: { line?: number; match?: string },
  content: boolean,
): string | undefined {
  const problem = describePathProblem(dir, file, what);
  if (problem) return problem;
  if (!content || (at.line === undefined && at.match === undefined)) return undefined;
  let text: string;
  try {
    text = readFileSync(insideLesson(dir, file)!, 'utf8');
  } catch {
    return undefined; // reported as a path problem
  }
  const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  if (at.line !== undefined && at.line > lines) return `line ${at.line} is past the end of '${file}' (${lines} lines)`;
  if (at.match !== undefined) {
    let re: RegExp;
    try {
      re = new RegExp(at.match, 'm');
    } catch {
      return undefined; // an invalid regular expression is reported where it is parsed
    }
    if (!re.test(text)) return `match '${at.match}' finds nothing in '${file}'; the file opens at its top`;
  }
  return undefined;
}
