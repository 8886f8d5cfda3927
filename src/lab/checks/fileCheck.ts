// A file the student edits contains a text or matches a pattern.
import { readFileSync } from 'node:fs';
import { lessonFile } from '../actions/lessonFiles';
import type { LabSession } from '../session';
import type { Verdict } from './verdict';

export function fileContains(session: LabSession, c: { file: string; contains?: string; matches?: string }): Verdict {
  let text: string;
  try {
    text = readFileSync(lessonFile(session, c.file), 'utf8');
  } catch {
    return { passed: false, message: `${c.file} is missing; restore it from the lesson` };
  }
  if (c.contains !== undefined && !text.includes(c.contains))
    return { passed: false, message: `${c.file} does not contain '${c.contains}' yet; edit it and save` };
  if (c.matches !== undefined && !new RegExp(c.matches, 'm').test(text))
    return { passed: false, message: `${c.file} does not match /${c.matches}/ yet; edit it and save` };
  return { passed: true, message: `${c.file} has what it needs` };
}
