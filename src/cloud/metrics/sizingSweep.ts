// Sizing sweep analysis: per memory size, duration and cost; then the cheapest, the fastest
// and a balanced choice (the cheapest within 10% of the fastest's time… or the best
// cost × time product when none is).
import type { SweepPointData, SweepRecommendationData } from '../../shared/lessonResults';
import { invocationCost } from './cost';
import type { LambdaReport } from './reportLine';

export type SweepPoint = SweepPointData;
export type SweepRecommendation = SweepRecommendationData;

export function sweepPoints(reports: LambdaReport[]): SweepPoint[] {
  const bySize = new Map<number, LambdaReport[]>();
  for (const r of reports) bySize.set(r.memorySizeMb, [...(bySize.get(r.memorySizeMb) ?? []), r]);
  return [...bySize.entries()]
    .sort(([a], [b]) => a - b)
    .map(([memoryMb, rs]) => {
      const warm = rs.filter((r) => r.initDurationMs === undefined);
      const sample = warm.length ? warm : rs;
      return {
        memoryMb,
        runs: rs.length,
        medianDurationMs: median(sample.map((r) => r.durationMs)),
        meanCostUsd:
          sample.reduce((s, r) => s + invocationCost({ ...r, initDurationMs: undefined }), 0) / sample.length,
        coldStarts: rs.length - warm.length,
      };
    });
}

export function recommend(points: SweepPoint[]): SweepRecommendation | undefined {
  if (!points.length) return undefined;
  const cheapest = points.reduce((a, b) => (b.meanCostUsd < a.meanCostUsd ? b : a));
  const fastest = points.reduce((a, b) => (b.medianDurationMs < a.medianDurationMs ? b : a));
  const nearFastest = points.filter((p) => p.medianDurationMs <= fastest.medianDurationMs * 1.1);
  const balanced =
    nearFastest.length > 1
      ? nearFastest.reduce((a, b) => (b.meanCostUsd < a.meanCostUsd ? b : a))
      : points.reduce((a, b) => (b.meanCostUsd * b.medianDurationMs < a.meanCostUsd * a.medianDurationMs ? b : a));
  const summary =
    `Cheapest at ${cheapest.memoryMb} MB (${cheapest.medianDurationMs.toFixed(0)} ms), fastest at ${fastest.memoryMb} MB (${fastest.medianDurationMs.toFixed(0)} ms); ` +
    `${balanced.memoryMb} MB balances the two.`;
  return { cost: cheapest.memoryMb, speed: fastest.memoryMb, balanced: balanced.memoryMb, summary };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
