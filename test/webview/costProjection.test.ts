// The monthly cost estimate: each service's line priced from the one dated price table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PRICES } from '../../src/cloud/metrics/prices';
import { projectMonthlyCost } from '../../src/extension/webviews/metrics/costProjection';
import { DEFAULT_ESTIMATE, type EstimateParams } from '../../src/shared/webviewProtocolMetrics';

const base: EstimateParams = { ...DEFAULT_ESTIMATE };

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} ≈ ${b}`);

test('Lambda alone: requests plus GB-seconds of the billed duration', () => {
  const c = projectMonthlyCost(base);
  assert.deepEqual(
    c.lines.map((l) => l.service),
    ['Lambda', 'Lambda'],
  );
  close(c.lines[0].monthlyUsd, 0.2);
  // 1M × 0.125 GB × 0.1 s = 12,500 GB-s
  close(c.lines[1].quantity, 12_500);
  close(c.lines[1].monthlyUsd, 12_500 * PRICES.lambda.perGbSecond.x86_64);
  close(c.totalUsd, 0.2 + 12_500 * 0.0000166667);
  assert.equal(c.prices.asOf, PRICES.checked);
  assert.equal(c.prices.region, 'us-east-1');
});

test('a fractional duration is billed per millisecond, rounded up', () => {
  const c = projectMonthlyCost({ ...base, durationMs: 100.2 });
  close(c.lines[1].quantity, 1_000_000 * 0.125 * 0.101);
});

test('arm64 costs less than x86_64 for the same work', () => {
  const x86 = projectMonthlyCost({ ...base, memoryMb: 1024, durationMs: 500 });
  const arm = projectMonthlyCost({ ...base, memoryMb: 1024, durationMs: 500, architecture: 'arm64' });
  assert.ok(arm.totalUsd < x86.totalUsd);
  close(arm.lines[1].unitPriceUsd, PRICES.lambda.perGbSecond.arm64);
});

test('SQS, Step Functions and API Gateway lines scale with the request rate', () => {
  const c = projectMonthlyCost({ ...base, sqsRequestsPerRequest: 3, stateTransitionsPerRequest: 5, api: 'rest' });
  const line = (s: string) => c.lines.find((l) => l.service === s)!;
  close(line('SQS').monthlyUsd, 3 * 0.4);
  close(line('Step Functions').monthlyUsd, (5_000_000 * 0.025) / 1000);
  close(line('API Gateway').monthlyUsd, 3.5);
  close(
    c.totalUsd,
    c.lines.reduce((s, l) => s + l.monthlyUsd, 0),
  );
  const fifo = projectMonthlyCost({ ...base, sqsRequestsPerRequest: 3, sqsFifo: true });
  close(fifo.lines.find((l) => l.service === 'SQS')!.monthlyUsd, 3 * 0.5);
  const http = projectMonthlyCost({ ...base, api: 'http' });
  close(http.lines.find((l) => l.service === 'API Gateway')!.monthlyUsd, 1.0);
});

test('S3 is priced when the table has S3 prices, and said to be missing otherwise', () => {
  const c = projectMonthlyCost({ ...base, s3PutsPerRequest: 1, s3GetsPerRequest: 2, s3StorageGb: 10 });
  const s3 = (PRICES as { s3?: unknown }).s3;
  if (s3) assert.ok(c.lines.some((l) => l.service === 'S3'));
  else
    assert.ok(
      c.notes.some((n) => n.includes('S3')),
      'the estimate says S3 is left out',
    );
});

test('zero requests cost nothing; negative input is treated as zero', () => {
  assert.equal(projectMonthlyCost({ ...base, requestsPerMonth: 0 }).totalUsd, 0);
  assert.equal(projectMonthlyCost({ ...base, requestsPerMonth: -5 }).totalUsd, 0);
});
