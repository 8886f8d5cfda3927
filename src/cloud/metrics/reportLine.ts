// Lambda's REPORT log line → a typed record. Same format on AWS, LocalStack and the local cloud:
// REPORT RequestId: <id>\tDuration: 294.87 ms\tBilled Duration: 295 ms\tMemory Size: 128 MB\tMax Memory Used: 73 MB\tInit Duration: 507.83 ms

import type { LambdaReportData } from '../../shared/lessonResults';

/** One REPORT line's figures, and when it was logged. */
export interface LambdaReport extends LambdaReportData {
  /** Log event time (ms), when known. */
  timestamp?: number;
}

const FIELD = /([A-Za-z][A-Za-z ]*?):\s*([0-9a-fA-F-]+(?:\.\d+)?)(?:\s*(ms|MB))?/g;

/** Parses one REPORT line; undefined when the line is not one. */
export function parseReportLine(line: string, timestamp?: number): LambdaReport | undefined {
  const start = line.indexOf('REPORT RequestId:');
  if (start < 0) return undefined;
  const fields = new Map<string, string>();
  for (const m of line.slice(start + 'REPORT '.length).matchAll(FIELD)) fields.set(m[1].trim(), m[2]);
  const num = (k: string) => (fields.has(k) ? Number(fields.get(k)) : undefined);
  const requestId = fields.get('RequestId');
  const durationMs = num('Duration');
  if (!requestId || durationMs === undefined) return undefined;
  return {
    requestId,
    durationMs,
    billedDurationMs: num('Billed Duration') ?? Math.ceil(durationMs),
    memorySizeMb: num('Memory Size') ?? 0,
    maxMemoryUsedMb: num('Max Memory Used') ?? 0,
    ...(fields.has('Init Duration') ? { initDurationMs: num('Init Duration') } : {}),
    ...(timestamp !== undefined ? { timestamp } : {}),
  };
}

/** Every REPORT record in a block of log text (e.g. a decoded LogResult tail). */
export function parseReports(text: string): LambdaReport[] {
  return text
    .split(/\r?\n/)
    .map((l) => parseReportLine(l))
    .filter((r): r is LambdaReport => r !== undefined);
}
