// Summary figures of the metrics view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { invocationStats, percentile } from '../../src/webview/metrics/stats';
import type { InvocationRow } from '../../src/shared/webviewProtocolMetrics';

const row = (durationMs: number, cold = false, extra: Partial<InvocationRow> = {}): InvocationRow => ({
  requestId: `r${durationMs}`,
  timestamp: 0,
  durationMs,
  billedMs: Math.ceil(durationMs),
  memorySizeMb: 128,
  maxMemoryUsedMb: 60,
  cold,
  costUsd: 0.000001,
  ...(cold ? { initMs: 120 } : {}),
  ...extra,
});

test('cold and warm means, init, percentiles and totals', () => {
  const rows = [
    row(300, true),
    ...Array.from({ length: 19 }, (_, i) => row(10 + i)),
    row(5, false, { maxMemoryUsedMb: 90 }),
  ];
  const s = invocationStats(rows);
  assert.equal(s.count, 21);
  assert.equal(s.cold, 1);
  assert.equal(s.coldMeanMs, 300);
  assert.equal(s.initMeanMs, 120);
  assert.equal(s.warmMeanMs, (19 * 10 + (18 * 19) / 2 + 5) / 20);
  assert.equal(s.p95Ms, 28);
  assert.equal(s.maxMemoryUsedMb, 90);
  assert.ok(Math.abs(s.totalCostUsd - 21e-6) < 1e-12);
});

test('no invocations: no numbers invented', () => {
  const s = invocationStats([]);
  assert.equal(s.count, 0);
  assert.ok(Number.isNaN(s.warmMeanMs) && Number.isNaN(s.p95Ms));
  assert.ok(Number.isNaN(percentile([], 50)));
  assert.equal(percentile([3, 1, 2], 50), 2);
});
