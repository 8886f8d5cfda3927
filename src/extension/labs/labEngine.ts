// The one place the editor talks to the lesson engine (src/lab): loading lessons, deploying a
// step, running its actions and checks, tearing a lesson down. The UI only sees this surface.
import { validateLesson } from '../../lab/validateLesson';
import type { Lesson, LessonCheck, LessonDiagnostic } from '../../shared/lessonTypes';
import type { LessonTemplate } from '../../cloud/template/model';
import type { ResolvedTarget } from '../targets/targetManager';

export interface EngineRun {
  dir: string;
  lesson: Lesson;
  target: ResolvedTarget;
  /** Optional suffix of physical names (shared AWS accounts). */
  suffix: string;
  /** Progress lines for the notification. */
  report(message: string): void;
  signal: AbortSignal;
}

export interface CheckOutcome {
  id: string;
  sentence: string;
  passed: boolean;
  reason?: string;
}

export interface ActionOutcome {
  summary: string;
  /** Present when the action invoked a function: the raw result for the result view. */
  invocation?: unknown;
}

/** The lesson and its problems (`file:line: message`); a lesson with problems still shows. */
export async function loadLessonFrom(dir: string): Promise<{ lesson?: Lesson; template?: LessonTemplate; diagnostics: LessonDiagnostic[] }> {
  const { lesson, template, diagnostics } = validateLesson(dir);
  return { lesson, template, diagnostics };
}

const NOT_READY = 'The lesson engine is not part of this build yet.';

export function describeCheck(check: LessonCheck): string {
  return check.title ?? `${check.type} check ${check.id}`;
}

export async function deployStep(_run: EngineRun, _stepId: string): Promise<string> {
  throw new Error(NOT_READY);
}

export async function runStepAction(_run: EngineRun, _stepId: string, _actionId: string): Promise<ActionOutcome> {
  throw new Error(NOT_READY);
}

export async function runStepChecks(_run: EngineRun, _stepId: string): Promise<CheckOutcome[]> {
  throw new Error(NOT_READY);
}

export async function teardownLesson(_run: EngineRun): Promise<string> {
  throw new Error(NOT_READY);
}
