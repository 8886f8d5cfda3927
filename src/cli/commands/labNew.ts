// `hoc lab new DIR [--title T]`: a lesson that validates and runs as made, ready to edit.
import { join } from 'node:path';
import { createLesson, LESSON_TEMPLATE_DIR, NewLessonError } from '../../lab';
import { CliError, parseCommandArgs } from '../command';
import { extensionRoot } from '../extensionRoot';
import { out } from '../lab/printing';

export const NEW_USAGE = 'lab new DIR [--title TITLE] [--id ID]';

export async function labNew(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    { title: { type: 'string' }, id: { type: 'string' } },
    NEW_USAGE,
  );
  if (positionals.length !== 1) throw new CliError(`Name the folder of the new lesson.\nUsage: hoc ${NEW_USAGE}`, 2);
  const dir = positionals[0];
  let made;
  try {
    made = createLesson(dir, {
      templateDir: join(extensionRoot(), LESSON_TEMPLATE_DIR),
      title: values.title,
      id: values.id,
    });
  } catch (e) {
    if (e instanceof NewLessonError) throw new CliError(e.message);
    throw e;
  }
  out(`Created lesson ${made.id} ("${made.title}") in ${dir}:`);
  for (const f of made.files) out(`  ${f}`);
  for (const line of [
    '',
    'Next:',
    `  hoc lab validate ${dir}`,
    `  hoc lab run ${dir}               # fails until the exercise is solved`,
    `  hoc lab run ${dir} --solutions   # passes with the solution in place`,
  ])
    out(line);
  return 0;
}
