// The platform lines Lambda writes around each invocation, in AWS's exact format, and the
// billing rules they report (1 ms granularity; INIT billed for ZIP functions since 2025-08-01:
// AWS Compute Blog, "AWS Lambda standardizes billing for INIT Phase" — on-demand invocations of
// ZIP functions on managed runtimes, whose INIT was unbilled before; read 2026-12-03).

export interface ReportFacts {
  requestId: string;
  durationMs: number;
  memorySizeMb: number;
  maxMemoryUsedMb: number;
  initDurationMs?: number;
  status?: 'timeout' | 'error';
  errorType?: string;
}

export const startLine = (requestId: string, version: string) => `START RequestId: ${requestId} Version: ${version}`;
export const endLine = (requestId: string) => `END RequestId: ${requestId}`;

export function billedDurationMs(durationMs: number, initDurationMs = 0): number {
  return Math.max(1, Math.ceil(durationMs + initDurationMs));
}

export function reportLine(f: ReportFacts): string {
  const parts = [
    `REPORT RequestId: ${f.requestId}`,
    `Duration: ${f.durationMs.toFixed(2)} ms`,
    `Billed Duration: ${billedDurationMs(f.durationMs, f.initDurationMs)} ms`,
    `Memory Size: ${f.memorySizeMb} MB`,
    `Max Memory Used: ${Math.min(f.maxMemoryUsedMb, f.memorySizeMb)} MB`,
  ];
  if (f.initDurationMs !== undefined) parts.push(`Init Duration: ${f.initDurationMs.toFixed(2)} ms`);
  if (f.status) parts.push(`Status: ${f.status}`);
  if (f.errorType) parts.push(`Error Type: ${f.errorType}`);
  return parts.join('\t') + '\t';
}

export function initStartLine(runtime: string, region: string): string {
  const [family, version] = /^(nodejs|python|provided)(.*)$/.exec(runtime)?.slice(1) ?? [runtime, ''];
  const label = `${family}:${(version ?? '').replace(/\.x$/, '').replace(/^\./, '')}.local`;
  return `INIT_START Runtime Version: ${label}\tRuntime Version ARN: arn:aws:lambda:${region}::runtime:local`;
}

export function initReportLine(durationMs: number, errorType: string): string {
  return `INIT_REPORT Init Duration: ${durationMs.toFixed(2)} ms\tPhase: init\tStatus: error\tError Type: ${errorType}`;
}

export function timeoutLine(requestId: string, timeoutSeconds: number, at = new Date()): string {
  return `${at.toISOString()} ${requestId} Task timed out after ${timeoutSeconds.toFixed(2)} seconds`;
}

/** AWS log stream of an environment: `YYYY/MM/DD/[VERSION]` + 32 hex digits. */
export function logStreamName(version: string, hex: string, at = new Date()): string {
  const d = at.toISOString().slice(0, 10).replace(/-/g, '/');
  return `${d}/[${version}]${hex}`;
}
