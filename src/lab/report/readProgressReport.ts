// A handed-in progress report read back for grading: JSON, checked against
// schemas/progress-report.schema.json; what is wrong is one sentence naming the file.
import Ajv from 'ajv';
import schema from '../../../schemas/progress-report.schema.json';
import type { ProgressReport } from './progressReport';

let compiled: ReturnType<Ajv['compile']> | undefined;

export class ReportInvalidError extends Error {}

export function parseProgressReport(text: string, file: string): ProgressReport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ReportInvalidError(
      `${file}: not JSON (${(e as Error).message}); hand in the file *Export Progress Report* wrote`,
    );
  }
  compiled ??= new Ajv({ allErrors: false, strict: false }).compile(schema);
  if (!compiled(value)) {
    const e = compiled.errors?.[0];
    const where = e?.instancePath ? ` at ${e.instancePath}` : '';
    throw new ReportInvalidError(
      `${file}: not a Hands-on Cloud progress report${where}: ${e?.message ?? 'unexpected shape'}`,
    );
  }
  const report = value as ProgressReport;
  // Totals are recomputed from the checks themselves: a stored total is not evidence.
  const all = report.steps.flatMap((s) => s.checks);
  return { ...report, totals: { checks: all.length, passed: all.filter((c) => c.passed).length } };
}
