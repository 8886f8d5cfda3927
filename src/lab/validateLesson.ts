// Loading and validating a lesson folder: lesson.yaml, template.yaml, step markdown and
// every reference between them. The editor, `hoc lab validate` and `hoc lab run` share it.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatDiagnostic, type Lesson, type LessonDiagnostic } from '../shared/lessonTypes';
import type { LessonTemplate } from '../cloud/template/model';
import { LESSON_FILE, loadLessonFile } from './format/lessonFile';
import { loadTemplate } from './format/templateFile';
import { checkLessonReferences } from './format/lessonReferences';
import { checkStepMarkdown } from './format/stepLinks';
import { insideLesson } from './format/lessonPaths';

export interface LoadedLesson {
  /** Absolute lesson folder. */
  dir: string;
  lesson: Lesson;
  template: LessonTemplate;
}

export interface ValidationResult {
  dir: string;
  lesson?: Lesson;
  template?: LessonTemplate;
  diagnostics: LessonDiagnostic[];
}

export function validateLesson(folder: string): ValidationResult {
  const dir = resolve(folder);
  const { lesson, source, diagnostics } = loadLessonFile(join(dir, LESSON_FILE));
  if (!lesson || !source) return { dir, diagnostics };
  const templatePath = insideLesson(dir, lesson.template);
  const t = templatePath ? loadTemplate(templatePath, lesson.template, dir) : { diagnostics: [], template: undefined };
  diagnostics.push(...t.diagnostics);
  diagnostics.push(...checkLessonReferences(lesson, t.template, dir, source));
  const resources = t.template ? Object.keys(t.template.resources) : undefined;
  for (const step of lesson.steps) {
    const path = insideLesson(dir, step.instructions);
    if (!path) continue; // reported by the reference check
    let markdown: string;
    try {
      markdown = readFileSync(path, 'utf8');
    } catch {
      continue;
    }
    diagnostics.push(...checkStepMarkdown(markdown, step.instructions, step, lesson, dir, resources));
  }
  diagnostics.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file === LESSON_FILE ? -1 : b.file === LESSON_FILE ? 1 : a.file.localeCompare(b.file)));
  return { dir, lesson, template: t.template, diagnostics };
}

/** A lesson with problems cannot run; the message lists them as `file:line: message`. */
export class LessonInvalidError extends Error {
  constructor(readonly dir: string, readonly diagnostics: LessonDiagnostic[]) {
    super(`The lesson in ${dir} has ${diagnostics.length} problem(s); run 'hoc lab validate ${dir}':\n${diagnostics.map(formatDiagnostic).join('\n')}`);
  }
}

export function loadLesson(folder: string): LoadedLesson {
  const r = validateLesson(folder);
  if (!r.lesson || !r.template || r.diagnostics.length) throw new LessonInvalidError(r.dir, r.diagnostics);
  return { dir: r.dir, lesson: r.lesson, template: r.template };
}
