// The progress report a student hands in (the editor's *Export Progress Report*, `hoc lab run
// … --report FILE.json`): per step of one lesson, its checks with results, messages and times,
// on which target. It records what the checks saw; it proves nothing about who did the work
// (see the README). Its shape is schemas/progress-report.schema.json.
import type { Lesson, StepState } from '../../shared/lessonTypes';
import type { CheckResult } from '../../shared/lessonResults';
import type { Target } from '../../cloud/target/target';
import { runChecks } from '../checks';
import { stateAfterChecks, type ProgressStore } from '../progress';
import type { LabSession } from '../session';

export const REPORT_FORMAT = 'hands-on-cloud/progress-report';

export interface ReportCheck {
  id: string;
  title: string;
  passed: boolean;
  message: string;
  checkedAt?: string;
  durationMs?: number;
}

export interface ReportStep {
  id: string;
  title: string;
  state: StepState;
  checks: ReportCheck[];
}

export interface ProgressReport {
  format: typeof REPORT_FORMAT;
  formatVersion: 1;
  lesson: { id: string; version: string; title: string };
  target: { kind: Target['kind']; region: string; endpoint?: string };
  student?: string;
  createdAt: string;
  tool?: { name: string; version: string };
  steps: ReportStep[];
  totals: { checks: number; passed: number };
}

export interface ReportMeta {
  student?: string;
  toolVersion?: string;
  /** Where steps without checks (or not checked) take their state from. */
  progress?: ProgressStore;
  now?: Date;
}

/** A report from the steps' check results (steps not in `checked` keep their recorded state). */
export function buildProgressReport(
  lesson: Lesson,
  target: Pick<Target, 'kind' | 'region' | 'endpoint'>,
  checked: ReadonlyMap<string, CheckResult[]>,
  meta: ReportMeta = {},
): ProgressReport {
  const steps = lesson.steps.map((step): ReportStep => {
    const results = checked.get(step.id) ?? [];
    const recorded = meta.progress?.get(lesson.id, step.id).state ?? 'notStarted';
    const state = results.length ? stateAfterChecks(results) : recorded;
    return {
      id: step.id,
      title: step.title,
      state,
      checks: results.map((c) => ({
        id: c.checkId,
        title: c.title,
        passed: c.passed,
        message: c.message,
        checkedAt: c.checkedAt,
        durationMs: c.durationMs,
      })),
    };
  });
  const all = steps.flatMap((s) => s.checks);
  return {
    format: REPORT_FORMAT,
    formatVersion: 1,
    lesson: { id: lesson.id, version: lesson.version, title: lesson.title },
    target: {
      kind: target.kind,
      region: target.region,
      ...(target.kind === 'aws' || !target.endpoint ? {} : { endpoint: target.endpoint }),
    },
    ...(meta.student?.trim() ? { student: meta.student.trim() } : {}),
    createdAt: (meta.now ?? new Date()).toISOString(),
    ...(meta.toolVersion ? { tool: { name: 'hands-on-cloud', version: meta.toolVersion } } : {}),
    steps,
    totals: { checks: all.length, passed: all.filter((c) => c.passed).length },
  };
}

/**
 * Asks every step's checks now (idempotent queries: nothing is deployed, sent or changed) and
 * reports what they see — what *Export Progress Report* hands in.
 */
export async function collectProgressReport(session: LabSession, meta: ReportMeta = {}): Promise<ProgressReport> {
  const checked = new Map<string, CheckResult[]>();
  for (const step of session.lesson.steps) {
    session.options.signal?.throwIfAborted();
    if (step.checks.length) checked.set(step.id, await runChecks(session, step));
  }
  return buildProgressReport(session.lesson, session.target, checked, meta);
}
