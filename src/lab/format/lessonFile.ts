// lesson.yaml → Lesson: YAML, the JSON Schema, then what a schema cannot say (unique ids,
// titles that are more than ids). Schema problems do not stop the later checks: they run on
// what could be read (see lessonSalvage.ts).
import { readFileSync } from 'node:fs';
import type { Lesson, LessonDiagnostic } from '../../shared/lessonTypes';
import { checkLessonSchema } from './lessonSchema';
import { salvageLesson } from './lessonSalvage';
import { parseYaml, type YamlSource } from './yamlSource';

export const LESSON_FILE = 'lesson.yaml';

export interface LessonFileResult {
  /** Set only when lesson.yaml has no problem at all. */
  lesson?: Lesson;
  /** The lesson as far as it could be read, for the checks that follow. */
  readable?: Lesson;
  source?: YamlSource;
  diagnostics: LessonDiagnostic[];
}

export function loadLessonFile(path: string): LessonFileResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return {
      diagnostics: [
        {
          file: LESSON_FILE,
          line: 0,
          message: `no ${LESSON_FILE} here; a lesson folder starts with one (id, title, steps)`,
        },
      ],
    };
  }
  const source = parseYaml(text, LESSON_FILE);
  if (source.errors.length) return { source, diagnostics: source.errors };
  const diagnostics = checkLessonSchema(source);
  const lesson = salvageLesson(source.value);
  diagnostics.push(...checkIdsAndTitles(lesson, source));
  return { lesson: diagnostics.length ? undefined : lesson, readable: lesson, source, diagnostics };
}

function checkIdsAndTitles(lesson: Lesson, source: YamlSource): LessonDiagnostic[] {
  const out: LessonDiagnostic[] = [];
  const report = (path: (string | number)[], message: string) =>
    out.push({ file: LESSON_FILE, line: source.lineOf(path), message });
  const stepIds = new Set<string>();
  lesson.steps.forEach((step, i) => {
    if (stepIds.has(step.id)) report(['steps', i, 'id'], `step id '${step.id}' is used twice; step ids must be unique`);
    stepIds.add(step.id);
    const ids = new Set<string>();
    for (const list of ['actions', 'checks'] as const) {
      step[list].forEach((item, j) => {
        if (ids.has(item.id))
          report(
            ['steps', i, list, j, 'id'],
            `id '${item.id}' is used twice in step '${step.id}'; action and check ids must be unique within a step`,
          );
        ids.add(item.id);
        // A missing title is the schema's to report; a title that only repeats the id is ours.
        if (item.title.trim() === item.id)
          report(
            ['steps', i, list, j, 'title'],
            `the title of '${item.id}' in step '${step.id}' is its id; write what it does in words a student reads`,
          );
      });
    }
  });
  return out;
}
