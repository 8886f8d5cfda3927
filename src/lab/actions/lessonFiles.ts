// Reading lesson files named by actions (event JSON, inputs, upload sources).
import { readFileSync } from 'node:fs';
import { insideLesson } from '../format/lessonPaths';
import type { LabSession } from '../session';

export function lessonFile(session: LabSession, rel: string): string {
  const abs = insideLesson(session.dir, rel);
  if (!abs) throw new Error(`'${rel}' leaves the lesson folder`);
  return abs;
}

/** A JSON file of the lesson with `${…}` templates expanded in its strings. */
export function readJsonFile(session: LabSession, rel: string): unknown {
  const text = readFileSync(lessonFile(session, rel), 'utf8');
  try {
    return session.expandDeep(JSON.parse(text));
  } catch (e) {
    if (e instanceof SyntaxError) throw new Error(`${rel} is not valid JSON: ${e.message}`);
    throw e;
  }
}
