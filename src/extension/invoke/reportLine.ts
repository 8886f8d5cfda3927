// The REPORT line Lambda writes after every invocation, as numbers:
// REPORT RequestId: …\tDuration: 294.87 ms\tBilled Duration: 295 ms\tMemory Size: 128 MB\tMax Memory Used: 73 MB\tInit Duration: 507.83 ms
import type { ReportMetrics } from '../../shared/protocolInvokeResult';

export function parseReportLine(logs: string): ReportMetrics | undefined {
  const line = logs.split('\n').reverse().find((l) => l.startsWith('REPORT '));
  if (!line) return undefined;
  // Fields are tab-separated `Label: value unit`.
  const fields = new Map(line.slice('REPORT '.length).split('\t').map((f) => {
    const i = f.indexOf(':');
    return [f.slice(0, i).trim(), f.slice(i + 1).trim()] as const;
  }));
  const num = (label: string) => {
    const v = fields.get(label);
    const n = v === undefined ? NaN : parseFloat(v);
    return Number.isFinite(n) ? n : undefined;
  };
  const durationMs = num('Duration');
  if (durationMs === undefined) return undefined;
  return {
    durationMs,
    billedDurationMs: num('Billed Duration') ?? Math.ceil(durationMs),
    memorySizeMb: num('Memory Size') ?? 0,
    maxMemoryUsedMb: num('Max Memory Used') ?? 0,
    initDurationMs: num('Init Duration'),
  };
}
