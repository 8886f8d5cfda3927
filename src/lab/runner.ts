// Headless run of a lesson (what `hoc lab run` does): per step, deploy what it names, run its
// actions (editor-only ones skipped), run its checks, record progress; then the cost of it all.
import type { LessonCheck, LessonStep } from '../shared/lessonTypes';
import type { ActionResult, CheckResult } from '../shared/lessonResults';
import { usageCost, type CostBreakdown } from '../cloud/metrics/cost';
import type { LambdaReport } from '../cloud/metrics/reportLine';
import { sleep } from '../cloud/deploy/awsErrors';
import { runAction } from './actions';
import { runCheck, runChecks } from './checks';
import { functionReports } from './checks/invocationCheck';
import { standardTransitions } from './stateTransitions';
import { recordChecks, recordStarted, type ProgressStore } from './progress';
import type { LabSession } from './session';

export interface StepRun {
  step: LessonStep;
  actions: ActionResult[];
  checks: CheckResult[];
  passed: boolean;
}

export interface LessonRun {
  steps: StepRun[];
  passed: boolean;
  cost: CostBreakdown;
}

export interface RunOptions {
  /** Only this step (and nothing before it). */
  stepId?: string;
  progress?: ProgressStore;
  onStepStart?: (step: LessonStep, index: number, total: number) => void;
  onAction?: (step: LessonStep, result: ActionResult) => void;
  onStepEnd?: (run: StepRun, index: number, total: number) => void;
  /**
   * Event-driven effects (S3 → Lambda, SQS → Lambda, logs on AWS) land a moment after the
   * action that caused them: failing checks that can settle are asked again for up to this long.
   */
  settleMs?: number;
}

const EDITOR_ONLY = new Set(['open', 'reveal']);

/** How long checks wait for event-driven effects on a target (the CLI and the editor's Run Lesson). */
export function settleTimeMs(kind: string): number {
  return kind === 'aws' ? 60_000 : 15_000;
}

/**
 * Whether asking a failing check again can change its answer: a file does not change by
 * waiting, nor does code that answered wrongly (http and script checks that say `settle: false`);
 * queues, objects, invocations and executions fill in as event-driven effects land.
 */
export function checkSettles(check: LessonCheck): boolean {
  if (check.type === 'fileContains') return false;
  if (check.type === 'http' || check.type === 'script') return check.settle !== false;
  return true;
}

export async function runStep(session: LabSession, step: LessonStep, o: RunOptions = {}): Promise<StepRun> {
  const actions: ActionResult[] = [];
  const lessonId = session.lesson.id;
  if (o.progress) recordStarted(o.progress, lessonId, step.id);
  const note = (r: ActionResult) => {
    actions.push(r);
    o.onAction?.(step, r);
  };
  if (step.deploys.length && !step.actions.some((a) => a.type === 'deploy')) {
    note(await runAction(session, step, { type: 'deploy', id: 'deploy', title: "Deploy the step's resources" }));
  }
  for (const a of step.actions) {
    session.options.signal?.throwIfAborted();
    if (EDITOR_ONLY.has(a.type)) continue;
    note(await runAction(session, step, a));
  }
  let checks = await runChecks(session, step);
  const deadline = Date.now() + (o.settleMs ?? 0);
  const waiting = () => checks.some((c, i) => !c.passed && checkSettles(step.checks[i]!));
  while (waiting() && Date.now() < deadline) {
    await sleep(1000);
    checks = await Promise.all(
      checks.map(async (c, i) => (c.passed || !checkSettles(step.checks[i]!) ? c : runCheck(session, step.checks[i]!))),
    );
  }
  if (o.progress && checks.length) recordChecks(o.progress, lessonId, step.id, checks);
  else if (o.progress && actions.every((a) => a.ok))
    o.progress.set(lessonId, step.id, { state: 'done', updatedAt: new Date().toISOString() });
  return { step, actions, checks, passed: checks.every((c) => c.passed) && actions.every((a) => a.ok) };
}

export async function runLesson(session: LabSession, o: RunOptions = {}): Promise<LessonRun> {
  const steps = o.stepId ? session.lesson.steps.filter((s) => s.id === o.stepId) : session.lesson.steps;
  if (o.stepId && steps.length === 0)
    throw new Error(
      `lesson ${session.lesson.id} has no step '${o.stepId}'; its steps are ${session.lesson.steps.map((s) => s.id).join(', ')}`,
    );
  const runs: StepRun[] = [];
  for (const [i, step] of steps.entries()) {
    o.onStepStart?.(step, i + 1, steps.length);
    const run = await runStep(session, step, o);
    runs.push(run);
    o.onStepEnd?.(run, i + 1, steps.length);
  }
  return { steps: runs, passed: runs.every((r) => r.passed), cost: await lessonCost(session) };
}

/**
 * Cost of what ran: every REPORT line in the lesson's function logs (event-driven invocations
 * included) plus the invocations this session saw, counted once each; the state transitions
 * of every execution of the lesson's standard state machines (however it was started); SQS and
 * API Gateway requests as the lesson's actions sent them.
 */
export async function lessonCost(session: LabSession): Promise<CostBreakdown> {
  const byId = new Map<string, LambdaReport>();
  for (const r of session.usage.lambda) byId.set(r.requestId, r);
  const deployed = session.state().resources;
  for (const [id, type] of Object.entries(session.template.authored)) {
    if (type !== 'AWS::Serverless::Function' || !deployed[id]) continue;
    for (const r of await functionReports(session, session.physicalName(id)).catch(() => [])) byId.set(r.requestId, r);
  }
  const machines = Object.entries(session.template.authored).filter(
    ([id, type]) =>
      (type === 'AWS::Serverless::StateMachine' || type === 'AWS::StepFunctions::StateMachine') && deployed[id],
  );
  const counted = await Promise.all(
    machines.map(([id]) => standardTransitions(session, deployed[id]!.ref).catch(() => 0)),
  );
  const stateTransitions = counted.reduce((sum, n) => sum + n, 0);
  return usageCost({
    lambda: [...byId.values()],
    sqsRequests: session.usage.sqsRequests,
    stateTransitions,
    apiRequests: session.usage.apiRequests,
  });
}
