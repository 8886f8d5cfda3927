// Before deploying to AWS: an upper bound of what running the lesson costs (every invocation
// running to its timeout at its memory size), so the student can decline.
import type { Lesson } from '../../lab';
import { usageCost, type LambdaReport, type LessonTemplate } from '../../cloud';

export function upperBoundCost(lesson: Lesson, template: LessonTemplate, stepId?: string): number {
  const reports: LambdaReport[] = [];
  let sqs = 0;
  let transitions = 0;
  let api = 0;
  const fn = (id: string) =>
    template.resources[id]?.properties as { MemorySize?: number; Timeout?: number } | undefined;
  const add = (id: string, memory?: number) => {
    const p = fn(id);
    const ms = Number(p?.Timeout ?? 3) * 1000;
    reports.push({
      requestId: String(reports.length),
      durationMs: ms,
      billedDurationMs: ms,
      memorySizeMb: memory ?? Number(p?.MemorySize ?? 128),
      maxMemoryUsedMb: 0,
      initDurationMs: 1000,
    });
  };
  for (const step of lesson.steps.filter((s) => !stepId || s.id === stepId)) {
    for (const a of step.actions) {
      if (a.type === 'invoke') add(a.function);
      if (a.type === 'sizingSweep')
        for (const m of a.memorySizes) for (let i = 0; i <= (a.repeat ?? 3); i++) add(a.function, m);
      if (a.type === 'sendMessage') sqs += a.count ?? 1;
      if (a.type === 'startExecution') transitions += 50;
      if (a.type === 'http') api += 1;
    }
    for (const c of step.checks) if (c.type === 'http') api += 1;
  }
  return usageCost({
    lambda: reports,
    sqsRequests: { standard: sqs },
    stateTransitions: transitions,
    apiRequests: { rest: api },
  }).total;
}
