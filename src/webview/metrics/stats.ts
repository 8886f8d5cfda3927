// Summary figures of a list of invocations (pure; unit-tested).
import type { InvocationRow } from '../../shared/webviewProtocolMetrics';

export interface Stats {
  count: number;
  cold: number;
  warmMeanMs: number;
  coldMeanMs: number;
  /** Mean Init Duration of the cold starts. */
  initMeanMs: number;
  p50Ms: number;
  p95Ms: number;
  meanBilledMs: number;
  maxMemoryUsedMb: number;
  meanCostUsd: number;
  totalCostUsd: number;
}

export function mean(xs: readonly number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(xs: readonly number[], p: number): number {
  if (!xs.length) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function invocationStats(rows: readonly InvocationRow[]): Stats {
  const cold = rows.filter((r) => r.cold);
  const warm = rows.filter((r) => !r.cold);
  const durations = rows.map((r) => r.durationMs);
  const total = rows.reduce((a, r) => a + r.costUsd, 0);
  return {
    count: rows.length,
    cold: cold.length,
    warmMeanMs: mean(warm.map((r) => r.durationMs)),
    coldMeanMs: mean(cold.map((r) => r.durationMs)),
    initMeanMs: mean(cold.map((r) => r.initMs ?? 0)),
    p50Ms: percentile(durations, 50),
    p95Ms: percentile(durations, 95),
    meanBilledMs: mean(rows.map((r) => r.billedMs)),
    maxMemoryUsedMb: rows.reduce((a, r) => Math.max(a, r.maxMemoryUsedMb), 0),
    meanCostUsd: rows.length ? total / rows.length : NaN,
    totalCostUsd: total,
  };
}
