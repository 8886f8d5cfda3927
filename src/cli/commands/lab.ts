// `hoc lab validate | run | teardown | new | grade`: lessons and courses from the command line.
import { readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  formatDiagnosticIn,
  isCourseDir,
  loadCourseFile,
  runtimeWarnings,
  validateCourse,
  validateLesson,
} from '../../lab';
import { Deployer, CloudClients } from '../../cloud';
import { CliError, parseCommandArgs, type CliCommand } from '../command';
import { openTarget } from '../lab/targetFromArgs';
import { out } from '../lab/printing';
import { loadOrExplain as load, run, RUN_USAGE, TARGET_OPTIONS } from './labRun';
import { labNew, NEW_USAGE } from './labNew';
import { labGrade, GRADE_USAGE } from './labGrade';

const USAGE = `lab validate [LESSON_DIR|COURSE_DIR...] | ${RUN_USAGE} | lab teardown LESSON_DIR [--target ...] | ${NEW_USAGE} | ${GRADE_USAGE}`;

async function validate(argv: string[]): Promise<number> {
  const { positionals } = parseCommandArgs(argv, {}, USAGE);
  // Without folders: the repository's course (labs/course.yaml) and every lesson under labs/
  // it does not list (so a lesson left out of the course is still checked), else '.'.
  const lessonFolders = existsSync('labs')
    ? readdirSync('labs', { withFileTypes: true })
        .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
        .map((d) => d.name)
    : [];
  const listed = new Set(isCourseDir('labs') ? (loadCourseFile('labs').course?.lessons.map((l) => l.name) ?? []) : []);
  const unlisted = lessonFolders.filter((name) => !listed.has(name)).map((name) => join('labs', name));
  const dirs = positionals.length
    ? positionals
    : isCourseDir('labs')
      ? ['labs', ...unlisted]
      : unlisted.length
        ? unlisted
        : ['.'];
  if (!positionals.length && isCourseDir('labs') && listed.size)
    for (const d of unlisted)
      process.stderr.write(
        `${d}: not in labs/course.yaml (validated on its own; add it to the course to have it ordered and packed)\n`,
      );
  let problems = 0;
  for (const dir of dirs) {
    if (isCourseDir(dir)) {
      const c = validateCourse(dir, { author: true });
      for (const d of c.diagnostics) process.stderr.write(`${formatDiagnosticIn(dir, d)}\n`);
      problems += c.diagnostics.length;
      for (const l of c.lessons) {
        for (const w of runtimeWarnings(l.dir, l.lesson.template))
          process.stderr.write(`${formatDiagnosticIn(join(dir, l.name), w)}\n`);
        out(`${join(dir, l.name)}: ok (${l.lesson.steps.length} steps, ${l.resources} resources)`);
      }
      if (c.course && !c.diagnostics.length)
        out(`${dir}: ok (course "${c.course.title}", ${c.lessons.length} lesson${c.lessons.length === 1 ? '' : 's'})`);
      continue;
    }
    const r = validateLesson(dir, { author: true });
    for (const d of r.diagnostics) process.stderr.write(`${formatDiagnosticIn(dir, d)}\n`);
    for (const w of r.lesson ? runtimeWarnings(r.dir, r.lesson.template) : [])
      process.stderr.write(`${formatDiagnosticIn(dir, w)}\n`);
    problems += r.diagnostics.length;
    if (!r.diagnostics.length)
      out(`${dir}: ok (${r.lesson?.steps.length} steps, ${Object.keys(r.template?.authored ?? {}).length} resources)`);
  }
  if (problems) process.stderr.write(`${problems} problem${problems === 1 ? '' : 's'} found.\n`);
  return problems ? 1 : 0;
}

async function teardown(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, TARGET_OPTIONS, USAGE);
  if (positionals.length !== 1) throw new CliError(`Name one lesson folder.\nUsage: hoc ${USAGE}`, 2);
  const loaded = load(positionals[0]);
  const opened = await openTarget(values, false);
  const clients = new CloudClients(opened.target);
  try {
    const deployer = new Deployer({
      lessonId: loaded.lesson.id,
      lessonDir: resolve(loaded.dir),
      template: loaded.template,
      clients,
      onProgress: (p) => p.phase === 'deleted' && out(`deleted ${p.logicalId} (${p.type})`),
    });
    const deleted = await deployer.teardown();
    out(
      deleted.length
        ? `Removed ${deleted.length} resource${deleted.length === 1 ? '' : 's'} of ${loaded.lesson.id} from ${opened.target.kind}.`
        : `Nothing of ${loaded.lesson.id} was deployed on ${opened.target.kind}.`,
    );
    return 0;
  } finally {
    clients.destroy();
    await opened.close();
  }
}

export const labCommand: CliCommand = {
  name: 'lab',
  usage: USAGE,
  summary:
    'check a lesson or course, run its steps and checks headlessly on a target (with a JUnit or JSON report), remove what it deployed, scaffold a new lesson, or grade progress reports as CSV',
  async run(argv) {
    const [sub, ...rest] = argv;
    if (sub === 'validate') return validate(rest);
    if (sub === 'run') return run(rest);
    if (sub === 'teardown') return teardown(rest);
    if (sub === 'new') return labNew(rest);
    if (sub === 'grade') return labGrade(rest);
    throw new CliError(`Usage: hoc ${USAGE}`, 2);
  },
};
