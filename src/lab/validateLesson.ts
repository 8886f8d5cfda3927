// Loading and validating a lesson folder: lesson.yaml, template.yaml, step markdown, the code
// it deploys and every reference between them — in one pass: a problem in one file never
// stops the checks of the others. The editor, `hoc lab validate` and `hoc lab run` share it.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatDiagnostic, type Lesson, type LessonDiagnostic } from '../shared/lessonTypes';
import type { LessonTemplate } from '../cloud/template/model';
import { LESSON_FILE, loadLessonFile } from './format/lessonFile';
import { loadTemplate } from './format/templateFile';
import { checkLessonReferences } from './format/lessonReferences';
import { checkStepMarkdown } from './format/stepLinks';
import { insideLesson } from './format/lessonPaths';
import { checkCodeSyntax, codeFilesIn, isCodeFile } from './format/codeSyntax';
import { inFileOrder } from './format/diagnosticOrder';
import { checkTranslations } from './i18n/checkTranslations';

export interface LoadedLesson {
  /** Absolute lesson folder. */
  dir: string;
  lesson: Lesson;
  template: LessonTemplate;
}

export interface ValidationResult {
  dir: string;
  /** Set when lesson.yaml itself is valid. */
  lesson?: Lesson;
  /** Set when the template is valid. */
  template?: LessonTemplate;
  /** Every problem, in file order. */
  diagnostics: LessonDiagnostic[];
}

export interface ValidateOptions {
  /**
   * The author's checks of files a student edits: the code compiles (functions, solutions,
   * scripts), every `open` line and match= finds its place, and translations keep the
   * English steps' links and name only ids the lesson has. `hoc lab validate` runs them;
   * loading a lesson to run it does not (a student's half-done edit is not a broken lesson).
   */
  author?: boolean;
  /**
   * State machine definitions checked with asl-validator (default true). It compiles its JSON
   * schemas on every first call (~0.6 s here): the editor's lesson list leaves that check to the
   * deploy, which validates the lesson fully, so opening a workspace does not block on it.
   */
  stateMachines?: boolean;
}

export function validateLesson(folder: string, options: ValidateOptions = {}): ValidationResult {
  const dir = resolve(folder);
  const lessonFile = loadLessonFile(join(dir, LESSON_FILE));
  const diagnostics = [...lessonFile.diagnostics];
  const lesson = lessonFile.readable;
  const templateName = lesson?.template ?? 'template.yaml';
  const templatePath = insideLesson(dir, templateName);
  // A template path that leaves the folder is reported by the reference check.
  const t = templatePath
    ? loadTemplate(templatePath, templateName, dir, { stateMachines: options.stateMachines ?? true })
    : { diagnostics: [], readable: undefined, template: undefined, codeFolders: [] };
  diagnostics.push(...t.diagnostics);
  if (lesson && lessonFile.source) {
    diagnostics.push(...checkLessonReferences(lesson, t.readable, dir, lessonFile.source, options.author));
    const resources = t.readable ? Object.keys(t.readable.authored) : undefined;
    for (const step of lesson.steps) {
      const path = step.instructions ? insideLesson(dir, step.instructions) : undefined;
      if (!path) continue; // reported by the reference check
      let markdown: string;
      try {
        markdown = readFileSync(path, 'utf8');
      } catch {
        continue;
      }
      diagnostics.push(...checkStepMarkdown(markdown, step.instructions, step, lesson, dir, resources, options.author));
    }
    // Translations are the author's to keep in step; a drifted one never stops a student's run.
    if (options.author) diagnostics.push(...checkTranslations(dir, lesson));
  }
  if (options.author) diagnostics.push(...checkCodeSyntax(dir, codeFiles(dir, lesson, t.codeFolders ?? [])));
  return { dir, lesson: lessonFile.lesson, template: t.template, diagnostics: inFileOrder(diagnostics, templateName) };
}

/** The functions' code, the solutions and the scripts the lesson runs. */
function codeFiles(dir: string, lesson: Lesson | undefined, codeFolders: string[]): string[] {
  const named = new Set<string>();
  for (const step of lesson?.steps ?? []) {
    for (const f of Object.values(step.solution ?? {})) named.add(f);
    for (const item of [...step.actions, ...step.checks] as Array<{ script?: unknown }>)
      if (typeof item.script === 'string') named.add(item.script);
  }
  const files = [...named].filter((f) => isCodeFile(f) && insideLesson(dir, f));
  return [...new Set([...codeFilesIn(dir, codeFolders), ...files])];
}

/** A lesson with problems cannot run; the message lists them as `file:line: message`. */
export class LessonInvalidError extends Error {
  constructor(
    readonly dir: string,
    readonly diagnostics: LessonDiagnostic[],
  ) {
    super(
      `The lesson in ${dir} has ${diagnostics.length} problem(s); run 'hoc lab validate ${dir}':\n${diagnostics.map((d) => formatDiagnostic(d)).join('\n')}`,
    );
  }
}

export function loadLesson(folder: string): LoadedLesson {
  const r = validateLesson(folder);
  if (!r.lesson || !r.template || r.diagnostics.length) throw new LessonInvalidError(r.dir, r.diagnostics);
  return { dir: r.dir, lesson: r.lesson, template: r.template };
}
