// lesson.yaml → Lesson: YAML, the JSON Schema, then what a schema cannot say (unique ids).
import { readFileSync } from 'node:fs';
import type { Lesson, LessonDiagnostic } from '../../shared/lessonTypes';
import { checkLessonSchema } from './lessonSchema';
import { parseYaml, type YamlSource } from './yamlSource';

export const LESSON_FILE = 'lesson.yaml';

export interface LessonFileResult {
  lesson?: Lesson;
  source?: YamlSource;
  diagnostics: LessonDiagnostic[];
}

export function loadLessonFile(path: string): LessonFileResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { diagnostics: [{ file: LESSON_FILE, line: 0, message: `no ${LESSON_FILE} here; a lesson folder starts with one (id, title, steps)` }] };
  }
  const source = parseYaml(text, LESSON_FILE);
  if (source.errors.length) return { source, diagnostics: source.errors };
  const diagnostics = checkLessonSchema(source);
  if (diagnostics.length) return { source, diagnostics };

  const raw = source.value as Lesson;
  const lesson: Lesson = {
    id: raw.id,
    title: raw.title,
    summary: raw.summary ?? '',
    version: raw.version ?? '0.0.0',
    template: raw.template ?? 'template.yaml',
    steps: raw.steps.map((s) => ({ ...s, deploys: s.deploys ?? [], actions: s.actions ?? [], checks: s.checks ?? [] })),
  };
  const stepIds = new Set<string>();
  lesson.steps.forEach((step, i) => {
    if (stepIds.has(step.id)) diagnostics.push({ file: LESSON_FILE, line: source.lineOf(['steps', i, 'id']), message: `step id '${step.id}' is used twice; step ids must be unique` });
    stepIds.add(step.id);
    const ids = new Set<string>();
    for (const list of ['actions', 'checks'] as const) {
      step[list].forEach((item, j) => {
        if (ids.has(item.id)) diagnostics.push({ file: LESSON_FILE, line: source.lineOf(['steps', i, list, j, 'id']), message: `id '${item.id}' is used twice in step '${step.id}'; action and check ids must be unique within a step` });
        ids.add(item.id);
        if (item.title.trim() === item.id || !item.title.trim()) diagnostics.push({ file: LESSON_FILE, line: source.lineOf(['steps', i, list, j, 'title']), message: `the title of '${item.id}' in step '${step.id}' is ${item.title.trim() ? 'its id' : 'blank'}; write what it does in words a student reads` });
      });
    }
  });
  return { lesson: diagnostics.length ? undefined : lesson, source, diagnostics };
}
