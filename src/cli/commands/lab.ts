// `hoc lab validate | run | teardown`: lessons from the command line.
import { readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { formatDiagnostic, JsonFileProgressStore, LabSession, loadLesson, LessonInvalidError, runLesson, runtimeWarnings, settleTimeMs, validateLesson, type LoadedLesson } from '../../lab';
import { Deployer, CloudClients, formatUsd, parseParameterOverrides } from '../../cloud';
import { CliError, parseCommandArgs, type CliCommand } from '../command';
import { openTarget, type TargetArgs } from '../lab/targetFromArgs';
import { solvedCopy } from '../lab/solvedCopy';
import { deployLine, out, stepLine, summary } from '../lab/printing';
import { upperBoundCost } from '../lab/estimate';

const USAGE = 'lab validate [LESSON_DIR...] | lab run LESSON_DIR [--target local|localstack|aws] [--step ID] [--parameter NAME=VALUE]... [--yes] [--solutions] | lab teardown LESSON_DIR [--target ...]';
const TARGET_OPTIONS = {
  target: { type: 'string' },
  profile: { type: 'string' },
  region: { type: 'string' },
  suffix: { type: 'string' },
  endpoint: { type: 'string' },
  role: { type: 'string' },
} as const;

function load(dir: string) {
  try {
    return loadLesson(dir);
  } catch (e) {
    if (e instanceof LessonInvalidError) throw new CliError(e.message);
    throw e;
  }
}

async function validate(argv: string[]): Promise<number> {
  const { positionals } = parseCommandArgs(argv, {}, USAGE);
  const dirs = positionals.length ? positionals : existsSync('labs') ? readdirSync('labs', { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith('.')).map((d) => join('labs', d.name)) : ['.'];
  let problems = 0;
  for (const dir of dirs) {
    const r = validateLesson(dir);
    for (const d of r.diagnostics) process.stderr.write(`${join(dir, formatDiagnostic(d))}\n`);
    for (const w of r.lesson ? runtimeWarnings(r.dir, r.lesson.template) : []) process.stderr.write(`${join(dir, formatDiagnostic(w))}\n`);
    problems += r.diagnostics.length;
    if (!r.diagnostics.length) out(`${dir}: ok (${r.lesson?.steps.length} steps, ${Object.keys(r.template?.authored ?? {}).length} resources)`);
  }
  if (problems) process.stderr.write(`${problems} problem${problems === 1 ? '' : 's'} found.\n`);
  return problems ? 1 : 0;
}

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) throw new CliError('Deploying to AWS needs a confirmation: pass --yes to run without asking.');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...TARGET_OPTIONS, step: { type: 'string' }, yes: { type: 'boolean' }, solutions: { type: 'boolean' }, parameter: { type: 'string', multiple: true } }, USAGE);
  if (positionals.length !== 1) throw new CliError(`Name one lesson folder.\nUsage: hoc ${USAGE}`, 2);
  const original = load(positionals[0]);
  let parameters: Record<string, string>;
  try {
    parameters = parseParameterOverrides(values.parameter ?? [], original.template);
  } catch (e) {
    throw new CliError((e as Error).message, 2);
  }
  const solved = values.solutions ? solvedCopy(original.dir, original.lesson) : undefined;
  try {
    if (solved) out(`With the solutions in place (a copy at ${solved.dir}, removed afterwards).`);
    return await runLoaded(solved ? load(solved.dir) : original, { ...values, parameters });
  } finally {
    solved?.remove();
  }
}

async function runLoaded(loaded: LoadedLesson, values: TargetArgs & { step?: string; yes?: boolean }): Promise<number> {
  if (values.step && !loaded.lesson.steps.some((s) => s.id === values.step)) throw new CliError(`Lesson ${loaded.lesson.id} has no step '${values.step}'; its steps are ${loaded.lesson.steps.map((s) => s.id).join(', ')}.`, 2);
  if ((values.target ?? 'local') === 'aws' && !values.yes) {
    const bound = upperBoundCost(loaded.lesson, loaded.template, values.step);
    out(`Running ${loaded.lesson.id} on AWS creates real resources; it costs at most ${formatUsd(bound)} (every invocation running to its timeout), usually far less.`);
    if (!(await confirm('Deploy and run it? [y/N] '))) {
      out('Nothing deployed.');
      return 1;
    }
  }
  const opened = await openTarget(values);
  const session = new LabSession(loaded, opened.target, { onProgress: (p) => (process.env.HOC_VERBOSE ? deployLine(p) && out(deployLine(p)!) : undefined) });
  try {
    out(`Lesson ${loaded.lesson.id} on ${opened.target.kind}${opened.target.endpoint ? ` (${opened.target.endpoint})` : ` (${opened.target.region})`}`);
    const progress = new JsonFileProgressStore(join(loaded.dir, '.hoc', `progress-${opened.target.kind}.json`));
    const result = await runLesson(session, { stepId: values.step, progress, settleMs: settleTimeMs(opened.target.kind), onStepEnd: (r, i, n) => out(stepLine(r, i, n)) });
    for (const line of summary(result.steps, result.cost)) out(line);
    return result.passed ? 0 : 1;
  } finally {
    session.dispose();
    await opened.close();
  }
}

async function teardown(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, TARGET_OPTIONS, USAGE);
  if (positionals.length !== 1) throw new CliError(`Name one lesson folder.\nUsage: hoc ${USAGE}`, 2);
  const loaded = load(positionals[0]);
  const opened = await openTarget(values, false);
  const clients = new CloudClients(opened.target);
  try {
    const deployer = new Deployer({ lessonId: loaded.lesson.id, lessonDir: resolve(loaded.dir), template: loaded.template, clients, onProgress: (p) => p.phase === 'deleted' && out(`deleted ${p.logicalId} (${p.type})`) });
    const deleted = await deployer.teardown();
    out(deleted.length ? `Removed ${deleted.length} resource${deleted.length === 1 ? '' : 's'} of ${loaded.lesson.id} from ${opened.target.kind}.` : `Nothing of ${loaded.lesson.id} was deployed on ${opened.target.kind}.`);
    return 0;
  } finally {
    clients.destroy();
    await opened.close();
  }
}

export const labCommand: CliCommand = {
  name: 'lab',
  usage: USAGE,
  summary: 'check a lesson, run its steps and checks headlessly on a target, or remove what it deployed',
  async run(argv) {
    const [sub, ...rest] = argv;
    if (sub === 'validate') return validate(rest);
    if (sub === 'run') return run(rest);
    if (sub === 'teardown') return teardown(rest);
    throw new CliError(`Usage: hoc ${USAGE}`, 2);
  },
};
