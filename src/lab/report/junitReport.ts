// `hoc lab run … --report FILE.xml`: the run as JUnit XML, the format GitHub Classroom and
// most CI systems grade from. One <testsuite> per step, one <testcase> per check, the check's
// message in <failure> when it fails. Actions are not tests; a failed action is named in the
// suite's <system-err> (its step's checks usually fail with it).
import { XMLBuilder } from 'fast-xml-parser';
import type { Lesson } from '../../shared/lessonTypes';
import type { StepRun } from '../runner';

export interface JunitLessonRun {
  lesson: Lesson;
  steps: StepRun[];
}

const seconds = (ms = 0) => (ms / 1000).toFixed(3);
// XML 1.0 cannot carry most control characters (a script's colour codes, say), even escaped.
const xmlText = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

function testsuite(lesson: Lesson, run: StepRun, multi: boolean) {
  const checks = run.checks;
  const failedActions = run.actions.filter((a) => !a.ok);
  const time = checks.reduce((sum, c) => sum + (c.durationMs ?? 0), 0);
  return {
    '@_name': `${multi ? `${lesson.id}/` : ''}${run.step.id} — ${run.step.title}`,
    '@_tests': checks.length,
    '@_failures': checks.filter((c) => !c.passed).length,
    '@_errors': 0,
    '@_time': seconds(time),
    ...(checks[0]?.checkedAt ? { '@_timestamp': checks[0].checkedAt.replace(/\.\d+Z$/, '') } : {}),
    testcase: checks.map((c) => ({
      '@_name': xmlText(c.title),
      '@_classname': `${lesson.id}.${run.step.id}`,
      '@_time': seconds(c.durationMs),
      ...(c.passed
        ? {}
        : { failure: { '@_message': xmlText(c.message), '@_type': 'CheckFailed', '#text': xmlText(c.message) } }),
    })),
    ...(failedActions.length
      ? { 'system-err': xmlText(failedActions.map((a) => `action ${a.actionId} failed: ${a.summary}`).join('\n')) }
      : {}),
  };
}

/** The XML text of one or more lessons' runs (a course run gives several; suites are then named lesson/step). */
export function junitXml(
  runs: JunitLessonRun[],
  name = runs.length === 1 ? runs[0].lesson.title : 'Hands-on Cloud course',
): string {
  const multi = runs.length > 1;
  const suites = runs.flatMap((r) => r.steps.map((s) => testsuite(r.lesson, s, multi)));
  const all = runs.flatMap((r) => r.steps.flatMap((s) => s.checks));
  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: {
      '@_name': name,
      '@_tests': all.length,
      '@_failures': all.filter((c) => !c.passed).length,
      '@_errors': 0,
      '@_time': seconds(all.reduce((sum, c) => sum + (c.durationMs ?? 0), 0)),
      testsuite: suites,
    },
  };
  return new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    suppressEmptyNode: true,
  }).build(doc) as string;
}
