// Which lesson function a handler file belongs to: the template's functions (CodeUri folder and
// Handler), their physical names on the target ({lessonId}-{logicalId}[-suffix]) and test events.
import { join, relative, resolve, isAbsolute, basename } from 'node:path';
import type { CatalogLesson } from '../labs/lessonCatalog';
import type { LessonAction, LessonStep } from '../../shared/lessonTypes';
import { physicalName, stackName } from '../../cloud/deploy/naming';
import { normaliseSuffix } from '../../cloud/target/target';

export interface LessonFunction {
  entry: CatalogLesson;
  logicalId: string;
  folder: string;
  /** e.g. index.handler → file stem `index`, export `handler`. */
  handler: string;
  physicalName: string;
  /** Test events live in the lesson's events/ folder, named after the code folder: hello*.json. */
  eventsDir: string;
  eventPrefix: string;
}

function functionName(lessonId: string, logicalId: string, suffix: string): string {
  return physicalName(
    stackName(lessonId, suffix ? normaliseSuffix(suffix) : undefined),
    logicalId,
    'AWS::Lambda::Function',
  );
}

export function lessonFunctions(entry: CatalogLesson, suffix: string): LessonFunction[] {
  const t = entry.template;
  if (!t) return [];
  const out: LessonFunction[] = [];
  for (const r of Object.values(t.resources)) {
    const p = r.properties;
    if (typeof p.CodeUri !== 'string') continue;
    const folder = resolve(t.baseDir, p.CodeUri);
    out.push({
      entry,
      logicalId: r.origin ?? r.logicalId,
      folder,
      handler: typeof p.Handler === 'string' ? p.Handler : 'index.handler',
      physicalName: functionName(entry.lesson.id, r.logicalId, suffix),
      eventsDir: join(entry.dir, 'events'),
      eventPrefix: basename(folder),
    });
  }
  return out;
}

/** The function whose code folder holds `file` (and whose handler module it is), if any. */
export function functionForFile(functions: LessonFunction[], file: string): LessonFunction | undefined {
  return functions.find((f) => {
    const rel = relative(f.folder, file);
    if (rel.startsWith('..') || isAbsolute(rel)) return false;
    const stem = f.handler.slice(0, f.handler.lastIndexOf('.'));
    return rel.replace(/\.(ts|mts|js|mjs|cjs|py)$/, '') === stem;
  });
}

/**
 * The event a lesson's step invokes a function with (its invoke action's `event`, relative to
 * the lesson): the given step's first, else the first step's that invokes it.
 */
export function stepEventFor(steps: readonly LessonStep[], logicalId: string, stepId?: string): string | undefined {
  const eventOf = (s: LessonStep) =>
    s.actions.find(
      (a): a is Extract<LessonAction, { type: 'invoke' }> =>
        a.type === 'invoke' && a.function === logicalId && Boolean(a.event),
    )?.event;
  const current = steps.find((s) => s.id === stepId);
  return (current && eventOf(current)) ?? steps.map(eventOf).find(Boolean);
}

/** Line (0-based) of the handler's definition in the source text, or -1. */
export function handlerLine(text: string, handler: string): number {
  const name = handler.slice(handler.lastIndexOf('.') + 1).replace(/[^\w$]/g, '');
  const patterns = [
    new RegExp(`^\\s*export\\s+(async\\s+)?function\\s+${name}\\b`),
    new RegExp(`^\\s*export\\s+(const|let|var)\\s+${name}\\b`),
    new RegExp(`^\\s*(module\\.)?exports\\.${name}\\s*=`),
    new RegExp(`^\\s*(async\\s+)?def\\s+${name}\\s*\\(`),
    new RegExp(`^\\s*export\\s*\\{[^}]*\\b${name}\\b`),
  ];
  const lines = text.split('\n');
  return lines.findIndex((l) => patterns.some((p) => p.test(l)));
}
