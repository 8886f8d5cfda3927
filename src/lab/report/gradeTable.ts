// `hoc lab grade REPORT…`: many students' progress reports as one CSV for the instructor —
// one row per report, one column per check (1 passed, 0 failed, empty when the report lacks
// it), then the totals. Columns are the union of every report's checks, in lesson order.
import type { ProgressReport } from './progressReport';

export interface GradedReport {
  file: string;
  report: ProgressReport;
}

/** A CSV field: quoted when it needs to be, and never read as a formula by a spreadsheet. */
export function csvField(value: string | number): string {
  let s = String(value);
  // A student types their name: `=HYPERLINK(…)` must stay text in Excel/LibreOffice/Sheets (OWASP CSV injection).
  if (/^[=+\-@\t\r]/.test(s) && typeof value === 'string') s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function gradeCsv(graded: GradedReport[]): string {
  const lessons = new Set(graded.map((g) => g.report.lesson.id));
  const prefix = (r: ProgressReport) => (lessons.size > 1 ? `${r.lesson.id}:` : '');
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const { report } of graded) {
    for (const step of report.steps) {
      for (const check of step.checks) {
        const key = `${prefix(report)}${step.id}/${check.id}`;
        if (!seen.has(key)) columns.push(key);
        seen.add(key);
      }
    }
  }
  const header = [
    'file',
    'student',
    'lesson',
    'version',
    'target',
    'created',
    ...columns,
    'passed',
    'checks',
    'percent',
  ];
  const rows = graded.map(({ file, report }) => {
    const results = new Map<string, boolean>();
    for (const step of report.steps)
      for (const check of step.checks) results.set(`${prefix(report)}${step.id}/${check.id}`, check.passed);
    const passed = [...results.values()].filter(Boolean).length;
    const percent = results.size ? Math.round((passed / results.size) * 1000) / 10 : 0;
    const cells = columns.map((c) => (results.has(c) ? (results.get(c) ? 1 : 0) : ''));
    return [
      file,
      report.student ?? '',
      report.lesson.id,
      report.lesson.version,
      report.target.kind,
      report.createdAt,
      ...cells,
      passed,
      results.size,
      percent,
    ];
  });
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
