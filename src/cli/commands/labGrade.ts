// `hoc lab grade REPORT… [--out FILE.csv]`: students' progress reports as one CSV (a row per
// report, a column per check, totals). Unreadable reports are named on stderr and skipped.
import { readFileSync, writeFileSync } from 'node:fs';
import { gradeCsv, parseProgressReport, ReportInvalidError, type GradedReport } from '../../lab';
import { CliError, parseCommandArgs } from '../command';

export const GRADE_USAGE = 'lab grade REPORT.json... [--out FILE.csv]';

export async function labGrade(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { out: { type: 'string' } }, GRADE_USAGE);
  if (!positionals.length) throw new CliError(`Name the progress reports to grade.\nUsage: hoc ${GRADE_USAGE}`, 2);
  const graded: GradedReport[] = [];
  let bad = 0;
  for (const file of positionals) {
    try {
      graded.push({ file, report: parseProgressReport(readFileSync(file, 'utf8'), file) });
    } catch (e) {
      if (!(e instanceof ReportInvalidError) && !(e as NodeJS.ErrnoException).code) throw e;
      process.stderr.write(
        `${e instanceof ReportInvalidError ? e.message : `${file}: cannot read it (${(e as NodeJS.ErrnoException).code})`}\n`,
      );
      bad++;
    }
  }
  const csv = gradeCsv(graded);
  if (values.out) {
    writeFileSync(values.out, csv);
    process.stdout.write(
      `${values.out}: ${graded.length} report${graded.length === 1 ? '' : 's'} graded${bad ? `, ${bad} skipped` : ''}.\n`,
    );
  } else process.stdout.write(csv);
  return bad ? 1 : 0;
}
