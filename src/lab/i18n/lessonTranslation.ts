// A lesson's translations: `lesson.<lang>.yaml` beside lesson.yaml holds its strings (titles,
// summary, objectives, hints, action and check titles, keyed by ids) and `steps/<lang>/` holds
// each step's markdown under the English file's name. Both are optional, string by string and
// file by file: what is missing shows in English.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import Ajv from 'ajv';
import schema from '../../../schemas/lesson-translation.schema.json';
import type { Lesson, LessonDiagnostic, LessonStep } from '../../shared/lessonTypes';
import { insideLesson } from '../format/lessonPaths';
import { schemaDiagnostics } from '../format/lessonSchema';
import { parseYaml, type YamlSource } from '../format/yamlSource';
import { LANGUAGE_TAG } from './lessonLanguage';

export interface StepTranslation {
  title?: string;
  objectives?: string[];
  hint?: string;
  actions?: Record<string, string>;
  checks?: Record<string, string>;
}

export interface LessonTranslation {
  title?: string;
  summary?: string;
  steps?: Record<string, StepTranslation>;
}

const OVERLAY = /^lesson\.([^.]+)\.yaml$/;

export const translationFileName = (language: string) => `lesson.${language}.yaml`;

/** `steps/01-queues.md` in Italian: `steps/it/01-queues.md`. */
export function translatedInstructions(instructions: string, language: string): string {
  return posix.join(posix.dirname(instructions), language, posix.basename(instructions));
}

/** The languages a lesson has any translation for: overlay files and step folders. */
export function lessonLanguages(dir: string, lesson: Lesson): string[] {
  const found = new Set<string>();
  for (const name of safeList(dir)) {
    const m = OVERLAY.exec(name);
    if (m && LANGUAGE_TAG.test(m[1])) found.add(m[1]);
  }
  for (const folder of new Set(lesson.steps.map((s) => posix.dirname(s.instructions ?? '')))) {
    const abs = insideLesson(dir, folder);
    if (!abs) continue;
    for (const e of safeList(abs, true)) if (LANGUAGE_TAG.test(e)) found.add(e);
  }
  return [...found].sort();
}

function safeList(dir: string, foldersOnly = false): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => (foldersOnly ? e.isDirectory() : e.isFile()))
      .map((e) => e.name);
  } catch {
    return [];
  }
}

let compiled: ReturnType<Ajv['compile']> | undefined;

export interface OverlayFile {
  file: string;
  source?: YamlSource;
  /** What could be read; strings of the wrong shape are left out (English shows instead). */
  translation: LessonTranslation;
  diagnostics: LessonDiagnostic[];
}

/** `lesson.<lang>.yaml`, checked against schemas/lesson-translation.schema.json; absent → empty. */
export function readOverlay(dir: string, language: string): OverlayFile {
  const file = translationFileName(language);
  const path = insideLesson(dir, file);
  if (!path || !existsSync(path)) return { file, translation: {}, diagnostics: [] };
  const source = parseYaml(readFileSync(path, 'utf8'), file);
  if (source.errors.length) return { file, source, translation: {}, diagnostics: source.errors };
  compiled ??= new Ajv({ allErrors: true, strict: false, verbose: true }).compile(schema);
  const diagnostics = compiled(source.value) ? [] : schemaDiagnostics(compiled.errors ?? [], source);
  return { file, source, translation: readable(source.value), diagnostics };
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);
const obj = (v: unknown) =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
const strings = (v: unknown) =>
  Object.fromEntries(Object.entries(obj(v) ?? {}).filter(([, s]) => str(s)) as [string, string][]);

function readable(value: unknown): LessonTranslation {
  const root = obj(value) ?? {};
  const steps: Record<string, StepTranslation> = {};
  for (const [id, raw] of Object.entries(obj(root.steps) ?? {})) {
    const s = obj(raw) ?? {};
    const objectives =
      Array.isArray(s.objectives) && s.objectives.every((o) => str(o)) ? (s.objectives as string[]) : undefined;
    steps[id] = {
      title: str(s.title),
      objectives,
      hint: str(s.hint),
      actions: strings(s.actions),
      checks: strings(s.checks),
    };
  }
  return { title: str(root.title), summary: str(root.summary), steps };
}

/** The step with its strings in the translation; English where the translation has none. */
export function translateStep(
  step: LessonStep,
  t: StepTranslation | undefined,
  markdown: string | undefined,
): LessonStep {
  const objectives =
    t?.objectives && step.objectives && t.objectives.length === step.objectives.length ? t.objectives : step.objectives;
  return {
    ...step,
    title: t?.title ?? step.title,
    objectives,
    hint: step.hint === undefined ? undefined : (t?.hint ?? step.hint),
    actions: step.actions.map((a) => ({ ...a, title: t?.actions?.[a.id] ?? a.title })),
    checks: step.checks.map((c) => ({ ...c, title: t?.checks?.[c.id] ?? c.title })),
    ...(markdown ? { localizedInstructions: markdown } : {}),
  };
}
