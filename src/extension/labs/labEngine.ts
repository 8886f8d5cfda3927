// The one place the editor talks to the lesson engine (src/lab): loading lessons, deploying a
// step, running its actions and checks, running the whole lesson as `hoc lab run` does,
// invoking, tearing a lesson down. The UI only sees this surface.
import {
  invokeFunction,
  LabSession,
  loadLesson,
  localizeLesson,
  runAction,
  runChecks,
  runLesson,
  settleTimeMs,
  validateLesson,
  type Invocation,
  type LessonRun,
  type ProgressStore,
  type RunOptions,
  type Usage,
} from '../../lab';
import type { CheckResult } from '../../shared/lessonResults';
import type { Lesson, LessonCheck, LessonDiagnostic } from '../../shared/lessonTypes';
import type { ActionOutcome as EngineOutcome } from '../../shared/lessonResults';
import type { LessonTemplate } from '../../cloud/template/model';
import type { ResolvedTarget } from '../targets/targetManager';

export interface EngineRun {
  dir: string;
  lesson: Lesson;
  target: ResolvedTarget;
  /** Progress lines for the notification. */
  report(message: string): void;
  /** Script output, line by line (the log shows it). */
  output(text: string): void;
  signal: AbortSignal;
  /** The lesson's usage tally on this target (its cost counts every invoke). */
  usage: Usage;
  /** Other folders of the lesson whose prebuilt bundles may stand in (the extension's copy). */
  prebuiltCopies: readonly string[];
}

export interface CheckOutcome {
  id: string;
  sentence: string;
  passed: boolean;
  reason?: string;
}

export interface ActionOutcome {
  summary: string;
  ok: boolean;
  outcome?: EngineOutcome;
}

/** The lesson and its problems (`file:line: message`); a lesson with problems still shows. */
export async function loadLessonFrom(
  dir: string,
  displayLanguage = 'en',
): Promise<{ lesson?: Lesson; template?: LessonTemplate; diagnostics: LessonDiagnostic[] }> {
  // State machines are checked when the lesson is deployed (loadLesson), not to list it.
  const { lesson, template, diagnostics } = validateLesson(dir, { stateMachines: false });
  // Titles, objectives, hints and step texts in the display language where the lesson has them.
  return { lesson: lesson && localizeLesson(dir, lesson, displayLanguage), template, diagnostics };
}

/** The sentence a check shows before it has run (the engine uses the same: title, else id). */
export function describeCheck(check: LessonCheck): string {
  return check.title ?? check.id;
}

/** Runs `work` with a session for this run and closes its SDK clients afterwards. */
async function withSession<T>(run: EngineRun, work: (s: LabSession) => Promise<T>): Promise<T> {
  const loaded = loadLesson(run.dir);
  // Check sentences in the language the lesson is shown in.
  const lesson = run.lesson.language ? localizeLesson(run.dir, loaded.lesson, run.lesson.language) : loaded.lesson;
  const s = new LabSession({ ...loaded, lesson }, run.target, {
    onProgress: (p) =>
      run.report(`${p.index}/${p.total} ${p.logicalId} ${p.phase}${p.message ? `: ${p.message}` : ''}`),
    onOutput: (text) => run.output(text),
    signal: run.signal,
    usage: run.usage,
    prebuiltCopies: run.prebuiltCopies,
  });
  try {
    return await work(s);
  } finally {
    s.dispose();
  }
}

function stepOf(run: EngineRun, stepId: string) {
  const step = run.lesson.steps.find((s) => s.id === stepId);
  if (!step) throw new Error(`No step '${stepId}' in ${run.lesson.id}.`);
  return step;
}

/** Deploys what the step names (with what it depends on). */
export async function deployStep(run: EngineRun, stepId: string): Promise<string> {
  const step = stepOf(run, stepId);
  if (step.deploys.length === 0) return 'This step deploys nothing.';
  const planned = await withSession(run, async (s) => {
    const plan = s.deployer.plan(step.deploys);
    await s.deployer.deploy(step.deploys);
    return plan;
  });
  return `Deployed ${planned.length} resource${planned.length === 1 ? '' : 's'} on ${run.target.label}`;
}

export async function runStepAction(run: EngineRun, stepId: string, actionId: string): Promise<ActionOutcome> {
  const step = stepOf(run, stepId);
  const action = step.actions.find((a) => a.id === actionId);
  if (!action) throw new Error(`Step ${stepId} has no action '${actionId}'.`);
  const r = await withSession(run, (s) => runAction(s, step, action));
  // A function that threw still has a result to show (its error payload and logs).
  if (!r.ok && r.outcome?.kind !== 'invoked') throw new Error(r.summary);
  return { summary: r.summary, ok: r.ok, outcome: r.outcome };
}

export function runStepChecks(run: EngineRun, stepId: string): Promise<CheckResult[]> {
  return withSession(run, (s) => runChecks(s, stepOf(run, stepId)));
}

/** A check's result as the guide shows it. */
export function checkOutcome(r: CheckResult): CheckOutcome {
  return { id: r.checkId, sentence: r.title, passed: r.passed, reason: r.passed ? undefined : r.message };
}

/** Every step as `hoc lab run` runs it: deploys, actions (editor-only ones skipped), checks with settle retries, progress. */
export function runWholeLesson(
  run: EngineRun,
  progress: ProgressStore,
  hooks: Pick<RunOptions, 'onStepStart' | 'onStepEnd' | 'onAction'>,
): Promise<LessonRun> {
  return withSession(run, (s) => runLesson(s, { progress, settleMs: settleTimeMs(run.target.kind), ...hooks }));
}

/** Invokes a lesson's function in a session, so the invocation counts in the lesson's usage. */
export function invokeInLesson(run: EngineRun, functionName: string, event: unknown): Promise<Invocation> {
  return withSession(run, (s) => invokeFunction(s, functionName, event));
}

/** What a reveal needs from the deployment: every deployed resource (with when), and each ID's Ref. */
export interface DeployedView {
  deployed: Array<{ logicalId: string; deployedAt: string }>;
  /** Ref on the target (queue URL, function name, state machine ARN); the physical name when not recorded. */
  refOf(logicalId: string): string;
  /** Whether the target's recorded state has the resource. */
  isDeployed(logicalId: string): boolean;
}

/** Reads the lesson's recorded deployment on the target (a file: no calls to the cloud). */
export function deployedView(dir: string, target: ResolvedTarget): DeployedView {
  const s = new LabSession(loadLesson(dir), target);
  try {
    const state = s.state();
    const names = new Map(Object.keys(s.template.resources).map((id) => [id, s.physicalName(id)]));
    return {
      deployed: Object.values(state.resources).map((r) => ({ logicalId: r.logicalId, deployedAt: r.deployedAt })),
      refOf: (id) => state.resources[id]?.ref ?? names.get(id) ?? s.physicalName(id),
      isDeployed: (id) => id in state.resources,
    };
  } finally {
    s.dispose();
  }
}

export async function teardownLesson(run: EngineRun): Promise<string> {
  const deleted = await withSession(run, (s) => s.deployer.teardown());
  return `Deleted ${deleted.length} resource${deleted.length === 1 ? '' : 's'} from ${run.target.label}`;
}
