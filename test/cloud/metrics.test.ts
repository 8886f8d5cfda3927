// REPORT lines, prices and cost, sizing recommendations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  billedMs,
  formatUsd,
  invocationCost,
  parseReportLine,
  parseReports,
  PRICES,
  recommend,
  sqsRequestsFor,
  sweepPoints,
  usageCost,
} from '../../src/cloud';

const COLD =
  'REPORT RequestId: 3f9e2a7c-1b2d-4e5f-8a9b-0c1d2e3f4a5b\tDuration: 294.87 ms\tBilled Duration: 295 ms\tMemory Size: 128 MB\tMax Memory Used: 73 MB\tInit Duration: 507.83 ms\t';
const WARM =
  'REPORT RequestId: 9d8c7b6a-5f4e-3d2c-1b0a-9f8e7d6c5b4a\tDuration: 1.52 ms\tBilled Duration: 2 ms\tMemory Size: 1769 MB\tMax Memory Used: 80 MB';

test('REPORT lines parse into typed records, with Init Duration only on cold starts', () => {
  assert.deepEqual(parseReportLine(COLD), {
    requestId: '3f9e2a7c-1b2d-4e5f-8a9b-0c1d2e3f4a5b',
    durationMs: 294.87,
    billedDurationMs: 295,
    memorySizeMb: 128,
    maxMemoryUsedMb: 73,
    initDurationMs: 507.83,
  });
  assert.deepEqual(parseReportLine(WARM, 42), {
    requestId: '9d8c7b6a-5f4e-3d2c-1b0a-9f8e7d6c5b4a',
    durationMs: 1.52,
    billedDurationMs: 2,
    memorySizeMb: 1769,
    maxMemoryUsedMb: 80,
    timestamp: 42,
  });
  assert.equal(parseReportLine('START RequestId: x Version: $LATEST'), undefined);
  assert.equal(parseReports(`START RequestId: a\n${COLD}\nEND RequestId: a\n${WARM}\n`).length, 2);
});

test('cost of an invocation: requests plus GB-seconds of the billed duration', () => {
  const cold = parseReportLine(COLD)!;
  assert.equal(billedMs(cold), 295); // Billed Duration already holds what AWS bills, INIT included
  const expected = PRICES.lambda.perRequest + (128 / 1024) * 0.295 * PRICES.lambda.perGbSecond.x86_64;
  assert.ok(Math.abs(invocationCost(cold) - expected) < 1e-15);
  assert.ok(invocationCost(cold, 'arm64') < invocationCost(cold));
  const total = usageCost({
    lambda: [cold],
    sqsRequests: { standard: 1_000_000, fifo: 1_000_000 },
    stateTransitions: 1000,
    apiRequests: { rest: 1_000_000, http: 1_000_000 },
  });
  assert.ok(
    Math.abs(total.sqs - 0.9) < 1e-9 &&
      Math.abs(total.stepFunctions - 0.025) < 1e-12 &&
      Math.abs(total.apiGateway - 4.5) < 1e-9,
  );
  assert.equal(sqsRequestsFor(64 * 1024 + 1), 2);
  assert.equal(formatUsd(0.0000008), '$0.00000080');
  assert.equal(formatUsd(1.234), '$1.23');
});

test('sizing sweep: per-size medians of warm runs; cheapest, fastest and balanced sizes', () => {
  const rep = (mem: number, ms: number, cold = false) => ({
    requestId: `${mem}-${ms}-${cold}`,
    durationMs: ms,
    billedDurationMs: Math.ceil(ms),
    memorySizeMb: mem,
    maxMemoryUsedMb: 50,
    ...(cold ? { initDurationMs: 300 } : {}),
  });
  const reports = [
    rep(128, 2000, true),
    rep(128, 1000),
    rep(128, 1000),
    rep(512, 260),
    rep(512, 250),
    rep(1024, 130),
    rep(1024, 125),
    rep(2048, 120),
    rep(2048, 120),
  ];
  const points = sweepPoints(reports);
  assert.deepEqual(
    points.map((p) => [p.memoryMb, p.medianDurationMs, p.coldStarts]),
    [
      [128, 1000, 1],
      [512, 255, 0],
      [1024, 127.5, 0],
      [2048, 120, 0],
    ],
  );
  const r = recommend(points)!;
  assert.equal(r.cost, 128);
  assert.equal(r.speed, 2048);
  assert.equal(r.balanced, 1024);
  assert.match(r.summary, /Cheapest at 128 MB .* fastest at 2048 MB .* 1024 MB balances the two\./);
});
