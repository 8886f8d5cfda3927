// Runs a step's checks. Each is an idempotent query of the target (or the lesson files)
// that passes or says what is missing and what to do.
import type { LessonCheck, LessonStep } from '../../shared/lessonTypes';
import type { CheckResult } from '../../shared/lessonResults';
import type { LabSession } from '../session';
import { lastLine, runLessonScript } from '../actions/runScript';
import { execution } from './executionCheck';
import { fileContains } from './fileCheck';
import { httpCheck } from './httpCheck';
import { invocations } from './invocationCheck';
import { objectExists, queueDepth, resourceExists } from './resourceChecks';
import type { Verdict } from './verdict';

/** Every check type the engine runs (the schema and docs/authoring.md are tested against it). */
export const CHECK_TYPES = [
  'resourceExists',
  'queueDepth',
  'objectExists',
  'invocations',
  'execution',
  'http',
  'fileContains',
  'script',
] as const satisfies readonly LessonCheck['type'][];
// Compile-time: a new check type must be added to CHECK_TYPES.
type Missing = Exclude<LessonCheck['type'], (typeof CHECK_TYPES)[number]>;
const everyCheckListed: [Missing] extends [never] ? true : Missing = true;
void everyCheckListed;

async function verdict(session: LabSession, c: LessonCheck): Promise<Verdict> {
  switch (c.type) {
    case 'resourceExists':
      return resourceExists(session, c.resource);
    case 'queueDepth':
      return queueDepth(session, c);
    case 'objectExists':
      return objectExists(session, c);
    case 'invocations':
      return invocations(session, c);
    case 'execution':
      return execution(session, c);
    case 'http':
      return httpCheck(session, c);
    case 'fileContains':
      return fileContains(session, c);
    case 'script': {
      const run = await runLessonScript(session, c.script, c.args);
      const said = lastLine(run);
      return run.exitCode === 0
        ? { passed: true, message: `${run.command} passed${said ? `: ${said}` : ''}` }
        : { passed: false, message: said || `${run.command} exited with ${run.exitCode}` };
    }
  }
}

export async function runCheck(session: LabSession, check: LessonCheck): Promise<CheckResult> {
  const title = check.title ?? check.id;
  const started = Date.now();
  const timing = () => ({ checkedAt: new Date(started).toISOString(), durationMs: Date.now() - started });
  try {
    const v = await verdict(session, check);
    return { checkId: check.id, title, ...v, ...timing() };
  } catch (e) {
    return { checkId: check.id, title, passed: false, message: (e as Error).message, ...timing() };
  }
}

export async function runChecks(session: LabSession, step: LessonStep): Promise<CheckResult[]> {
  const out: CheckResult[] = [];
  for (const c of step.checks) out.push(await runCheck(session, c));
  return out;
}
