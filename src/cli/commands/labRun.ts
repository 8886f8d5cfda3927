// `hoc lab run LESSON_DIR|COURSE_DIR`: every step's actions and checks, headlessly, on a
// target — one lesson, or every lesson of a course in its order. `--report FILE.xml` writes
// JUnit XML (for CI grading), `--report FILE.json` the progress report a student hands in.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import {
  buildProgressReport,
  formatDiagnosticIn,
  languageFromEnvironment,
  localizeLesson,
  isCourseDir,
  JsonFileProgressStore,
  junitXml,
  LabSession,
  loadLesson,
  LessonInvalidError,
  runLesson,
  settleTimeMs,
  validateCourse,
  type CheckResult,
  type JunitLessonRun,
  type LoadedLesson,
} from '../../lab';
import { formatUsd, parseParameterOverrides } from '../../cloud';
import { CliError, parseCommandArgs } from '../command';
import { openTarget, type TargetArgs } from '../lab/targetFromArgs';
import { solvedCopy } from '../lab/solvedCopy';
import { deployLine, out, stepLine, summary } from '../lab/printing';
import { upperBoundCost } from '../lab/estimate';
import { extensionVersion } from '../extensionRoot';

export const RUN_USAGE =
  'lab run LESSON_DIR|COURSE_DIR [--target local|localstack|aws] [--step ID] [--parameter NAME=VALUE]... [--yes] [--solutions] [--report FILE.xml|FILE.json] [--student NAME] [--lang LANG] [--settle SECONDS]';

export const TARGET_OPTIONS = {
  target: { type: 'string' },
  profile: { type: 'string' },
  region: { type: 'string' },
  suffix: { type: 'string' },
  endpoint: { type: 'string' },
  role: { type: 'string' },
} as const;

type RunValues = TargetArgs & {
  step?: string;
  yes?: boolean;
  solutions?: boolean;
  parameter?: string[];
  report?: string;
  student?: string;
  lang?: string;
  settle?: string;
};

interface LessonOutcome {
  code: number;
  junit?: JunitLessonRun;
  json?: object;
}

export function loadOrExplain(dir: string): LoadedLesson {
  try {
    return loadLesson(dir);
  } catch (e) {
    if (e instanceof LessonInvalidError) throw new CliError(e.message);
    throw e;
  }
}

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY)
    throw new CliError('Deploying to AWS needs a confirmation: pass --yes to run without asking.');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

function reportKind(file: string | undefined): 'xml' | 'json' | undefined {
  if (file === undefined) return undefined;
  if (/\.xml$/i.test(file)) return 'xml';
  if (/\.json$/i.test(file)) return 'json';
  throw new CliError(
    `--report names a .xml file (JUnit, for CI) or a .json file (a progress report), not '${file}'.`,
    2,
  );
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      ...TARGET_OPTIONS,
      step: { type: 'string' },
      yes: { type: 'boolean' },
      solutions: { type: 'boolean' },
      parameter: { type: 'string', multiple: true },
      report: { type: 'string' },
      student: { type: 'string' },
      lang: { type: 'string' },
      settle: { type: 'string' },
    },
    RUN_USAGE,
  );
  if (positionals.length !== 1) throw new CliError(`Name one lesson or course folder.\nUsage: hoc ${RUN_USAGE}`, 2);
  const kind = reportKind(values.report);
  settleSeconds(values.settle);
  if (!isCourseDir(positionals[0])) {
    const result = await runOne(positionals[0], values, kind);
    writeReport(values.report, kind === 'xml' ? junitXml(result.junit ? [result.junit] : []) : result.json);
    return result.code;
  }
  // A course: its lessons in order, each on a target of its own (a fresh local cloud each on `local`).
  if (values.step)
    throw new CliError("--step names a step of one lesson; run that lesson's folder instead of the course.", 2);
  if (values.parameter?.length)
    throw new CliError(
      "--parameter sets a parameter of one lesson's template; run that lesson's folder instead of the course.",
      2,
    );
  if (kind === 'json')
    throw new CliError(
      'A .json progress report covers one lesson; use --report FILE.xml for a course, or run each lesson.',
      2,
    );
  const v = validateCourse(positionals[0]);
  if (v.diagnostics.length || !v.course)
    throw new CliError(
      `The course in ${positionals[0]} has problems; run 'hoc lab validate ${positionals[0]}':\n${v.diagnostics.map((d) => formatDiagnosticIn(positionals[0], d)).join('\n')}`,
    );
  out(`Course: ${v.course.title} — ${v.course.lessons.length} lesson${v.course.lessons.length === 1 ? '' : 's'}`);
  const runs: JunitLessonRun[] = [];
  let failed = 0;
  for (const [i, entry] of v.course.lessons.entries()) {
    out(`\n=== [${i + 1}/${v.course.lessons.length}] ${entry.name}`);
    const result = await runOne(entry.dir, values, kind);
    if (result.junit) runs.push(result.junit);
    if (result.code !== 0) failed++;
  }
  out(
    failed
      ? `\nCourse: ${failed} of ${v.course.lessons.length} lessons failed.`
      : `\nCourse: all ${v.course.lessons.length} lessons passed.`,
  );
  writeReport(values.report, junitXml(runs, v.course.title));
  return failed ? 1 : 0;
}

/** `--settle SECONDS`: how long failing checks may wait for event-driven effects (default: by target). */
function settleSeconds(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < 0)
    throw new CliError(`--settle takes a number of seconds (0 or more), not '${text}'.`, 2);
  return n;
}

function writeReport(file: string | undefined, content: string | object | undefined): void {
  if (!file || content === undefined) return;
  try {
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2) + '\n');
  } catch (e) {
    throw new CliError(`Cannot write the report to ${file}: ${(e as Error).message}`);
  }
  out(`Report written to ${file}.`);
}

async function runOne(dir: string, values: RunValues, kind: 'xml' | 'json' | undefined): Promise<LessonOutcome> {
  const original = loadOrExplain(dir);
  let parameters: Record<string, string>;
  try {
    parameters = parseParameterOverrides(values.parameter ?? [], original.template);
  } catch (e) {
    throw new CliError((e as Error).message, 2);
  }
  const solved = values.solutions ? solvedCopy(original.dir, original.lesson) : undefined;
  try {
    if (solved) out(`With the solutions in place (a copy at ${solved.dir}, removed afterwards).`);
    return await runLoaded(solved ? loadOrExplain(solved.dir) : original, { ...values, parameters }, kind);
  } finally {
    solved?.remove();
  }
}

async function runLoaded(
  english: LoadedLesson,
  values: RunValues,
  kind: 'xml' | 'json' | undefined,
): Promise<LessonOutcome> {
  // Titles and check sentences in the lesson's translation for --lang, else LC_ALL/LC_MESSAGES/LANG.
  const loaded = {
    ...english,
    lesson: localizeLesson(english.dir, english.lesson, languageFromEnvironment(process.env, values.lang)),
  };
  if (values.step && !loaded.lesson.steps.some((s) => s.id === values.step))
    throw new CliError(
      `Lesson ${loaded.lesson.id} has no step '${values.step}'; its steps are ${loaded.lesson.steps.map((s) => s.id).join(', ')}.`,
      2,
    );
  if ((values.target ?? 'local') === 'aws' && !values.yes) {
    const bound = upperBoundCost(loaded.lesson, loaded.template, values.step);
    out(
      `Running ${loaded.lesson.id} on AWS creates real resources; it costs at most ${formatUsd(bound)} (every invocation running to its timeout), usually far less.`,
    );
    if (!(await confirm('Deploy and run it? [y/N] '))) {
      out('Nothing deployed.');
      return { code: 1 };
    }
  }
  const opened = await openTarget(values);
  const session = new LabSession(loaded, opened.target, {
    onProgress: (p) => {
      if (process.env.HOC_VERBOSE && deployLine(p)) out(deployLine(p)!);
      // Always said: what the deploy could not do as the template asks (Policies under LabRole).
      for (const w of p.warnings ?? []) out(`warning: ${p.logicalId} ${w}`);
    },
  });
  try {
    out(
      `Lesson ${loaded.lesson.id} on ${opened.target.kind}${opened.target.endpoint ? ` (${opened.target.endpoint})` : ` (${opened.target.region})`}`,
    );
    const progress = new JsonFileProgressStore(join(loaded.dir, '.hoc', `progress-${opened.target.kind}.json`));
    const result = await runLesson(session, {
      stepId: values.step,
      progress,
      settleMs: values.settle === undefined ? settleTimeMs(opened.target.kind) : settleSeconds(values.settle)! * 1000,
      onStepEnd: (r, i, n) => out(stepLine(r, i, n)),
    });
    for (const line of summary(result.steps, result.cost)) out(line);
    const checked = new Map<string, CheckResult[]>(result.steps.map((r) => [r.step.id, r.checks]));
    return {
      code: result.passed ? 0 : 1,
      junit: kind === 'xml' ? { lesson: loaded.lesson, steps: result.steps } : undefined,
      json:
        kind === 'json'
          ? buildProgressReport(loaded.lesson, opened.target, checked, {
              student: values.student,
              toolVersion: extensionVersion(),
              progress,
            })
          : undefined,
    };
  } finally {
    session.dispose();
    await opened.close();
  }
}
