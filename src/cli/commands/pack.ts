// `hoc pack LESSON_DIR...|COURSE_DIR --out FILE.vsix`: the extension with only those lessons
// (a course: its lessons in its order, and its course.yaml).
import { join } from 'node:path';
import { COURSE_FILE, formatDiagnosticIn, isCourseDir, validateCourse, validateLesson } from '../../lab';
import { CliError, parseCommandArgs, type CliCommand } from '../command';
import { buildVsix } from '../lab/buildVsix';
import { extensionRoot } from '../extensionRoot';

const USAGE = 'pack LESSON_DIR...|COURSE_DIR --out FILE.vsix [--name NAME] [--display-name TEXT] [--version X.Y.Z]';

function kb(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`;
}

export const packCommand: CliCommand = {
  name: 'pack',
  usage: USAGE,
  summary:
    "build a VSIX of the extension that holds only the given lessons (or a course's lessons in order, with its course.yaml)",
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        out: { type: 'string' },
        name: { type: 'string' },
        'display-name': { type: 'string' },
        version: { type: 'string' },
      },
      USAGE,
    );
    if (!positionals.length || !values.out)
      throw new CliError(`Name at least one lesson folder and --out.\nUsage: hoc ${USAGE}`, 2);
    if (!values.out.endsWith('.vsix')) throw new CliError(`--out must name a .vsix file, not '${values.out}'.`, 2);
    if (values.name && !/^[a-z0-9][a-z0-9-]*$/.test(values.name))
      throw new CliError(
        `--name must be lower case letters, digits and dashes (an extension id), not '${values.name}'.`,
        2,
      );
    if (values.version && !/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(values.version))
      throw new CliError(`--version must look like 1.2.3, not '${values.version}'.`, 2);
    const lessons: Array<{ dir: string; id: string }> = [];
    const problems: string[] = [];
    const course = positionals.find((dir) => isCourseDir(dir));
    if (course && positionals.length > 1)
      throw new CliError(
        `${course} is a course (it has a ${COURSE_FILE}): pack it alone, or name lesson folders only.`,
        2,
      );
    if (course) {
      const c = validateCourse(course, { author: true });
      problems.push(...c.diagnostics.map((d) => formatDiagnosticIn(course, d)));
      lessons.push(...c.lessons.map((l) => ({ dir: l.dir, id: l.lesson.id })));
    }
    for (const dir of course ? [] : positionals) {
      const r = validateLesson(dir, { author: true });
      problems.push(...r.diagnostics.map((d) => formatDiagnosticIn(dir, d)));
      if (r.lesson) lessons.push({ dir, id: r.lesson.id });
    }
    if (problems.length) throw new CliError(`Fix the lessons before packing them:\n${problems.join('\n')}`);
    let result;
    try {
      result = await buildVsix({
        extensionRoot: extensionRoot(),
        lessons,
        courseFile: course ? join(course, COURSE_FILE) : undefined,
        out: values.out,
        name: values.name,
        displayName: values['display-name'],
        version: values.version,
      });
    } catch (e) {
      throw new CliError(`Packing failed: ${(e as Error).message}`);
    }
    for (const f of result.files) process.stdout.write(`${kb(f.size).padStart(10)}  ${f.path}\n`);
    for (const p of result.prebuilt) {
      process.stdout.write(
        `${p.lesson}: ${p.bundles} function and script bundles prebuilt (${kb(p.bytes)}), so they run without node_modules\n`,
      );
      for (const s of p.skipped)
        process.stdout.write(
          `warning: ${p.lesson}/${s} — not prebuilt; it needs its npm imports installed where it runs\n`,
        );
    }
    process.stdout.write(
      `${result.out}: ${result.files.length} files, ${kb(result.size)}, lessons: ${lessons.map((l) => l.id).join(', ')}\n`,
    );
    return 0;
  },
};
