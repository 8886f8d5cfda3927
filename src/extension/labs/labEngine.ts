// The one place the editor talks to the lesson engine (src/lab): loading lessons, deploying a
// step, running its actions and checks, tearing a lesson down. The UI only sees this surface.
import { validateLesson } from '../../lab/validateLesson';
import type { Lesson, LessonCheck, LessonDiagnostic } from '../../shared/lessonTypes';
import type { LessonTemplate } from '../../cloud/template/model';
import { Deployer } from '../../cloud/deploy/deployer';
import { CloudClients } from '../../cloud/target/clients';
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

function deployer(run: EngineRun, template: LessonTemplate): Deployer {
  return new Deployer({
    lessonId: run.lesson.id,
    lessonDir: run.dir,
    template,
    clients: new CloudClients(run.target),
    onProgress: (p) => run.report(`${p.index}/${p.total} ${p.logicalId} ${p.phase}${p.message ? `: ${p.message}` : ''}`),
  });
}

function templateOf(run: EngineRun): LessonTemplate {
  const { template, diagnostics } = validateLesson(run.dir);
  if (!template) throw new Error(`The lesson's template has problems; run \`hoc lab validate ${run.dir}\`: ${diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`).join('; ')}`);
  return template;
}

/** Deploys what the step names (with what it depends on). */
export async function deployStep(run: EngineRun, stepId: string): Promise<string> {
  const step = run.lesson.steps.find((s) => s.id === stepId);
  if (!step) throw new Error(`No step '${stepId}' in ${run.lesson.id}.`);
  if (step.deploys.length === 0) return 'This step deploys nothing.';
  const d = deployer(run, templateOf(run));
  const planned = d.plan(step.deploys);
  await d.deploy(step.deploys);
  return `Deployed ${planned.length} resource${planned.length === 1 ? '' : 's'} on ${run.target.label}`;
}

export async function runStepAction(_run: EngineRun, _stepId: string, _actionId: string): Promise<ActionOutcome> {
  throw new Error(NOT_READY);
}

export async function runStepChecks(_run: EngineRun, _stepId: string): Promise<CheckOutcome[]> {
  throw new Error(NOT_READY);
}

export async function teardownLesson(run: EngineRun): Promise<string> {
  const deleted = await deployer(run, templateOf(run)).teardown();
  return `Deleted ${deleted.length} resource${deleted.length === 1 ? '' : 's'} from ${run.target.label}`;
}
