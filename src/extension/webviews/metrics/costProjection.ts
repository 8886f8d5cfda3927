// A monthly bill projected from a request rate and what each request uses, priced from the one
// dated price table (src/cloud/metrics/prices.ts). Pure; unit-tested.
import { PRICES } from '../../../cloud/metrics/prices';
import type { CostLine, CostProjection, EstimateParams } from '../../../shared/webviewProtocolMetrics';

export function projectMonthlyCost(p: EstimateParams): CostProjection {
  const n = Math.max(0, p.requestsPerMonth);
  const lines: CostLine[] = [];
  const add = (line: Omit<CostLine, 'monthlyUsd'>) =>
    lines.push({ ...line, monthlyUsd: line.quantity * line.unitPriceUsd });

  add({ service: 'Lambda', item: 'requests', quantity: n, unit: 'requests', unitPriceUsd: PRICES.lambda.perRequest });
  const g = PRICES.lambda.granularityMs;
  const billedMs = Math.ceil(Math.max(0, p.durationMs) / g) * g;
  const gbSeconds = n * (Math.max(128, p.memoryMb) / 1024) * (billedMs / 1000);
  add({
    service: 'Lambda',
    item: `compute, ${p.memoryMb} MB × ${billedMs} ms (${p.architecture})`,
    quantity: gbSeconds,
    unit: 'GB-s',
    unitPriceUsd: PRICES.lambda.perGbSecond[p.architecture],
  });

  if (p.sqsRequestsPerRequest > 0) {
    const kind = p.sqsFifo ? 'fifo' : 'standard';
    add({
      service: 'SQS',
      item: `${kind === 'fifo' ? 'FIFO' : 'standard'} requests (64 KB chunks)`,
      quantity: n * p.sqsRequestsPerRequest,
      unit: 'requests',
      unitPriceUsd: PRICES.sqs.perRequest[kind],
    });
  }
  if (p.stateTransitionsPerRequest > 0) {
    add({
      service: 'Step Functions',
      item: 'standard state transitions',
      quantity: n * p.stateTransitionsPerRequest,
      unit: 'transitions',
      unitPriceUsd: PRICES.stepFunctions.standardPerTransition,
    });
  }
  if (p.api !== 'none') {
    add({
      service: 'API Gateway',
      item: p.api === 'rest' ? 'REST API requests' : 'HTTP API requests',
      quantity: n,
      unit: 'requests',
      unitPriceUsd: p.api === 'rest' ? PRICES.apiGateway.restPerRequest : PRICES.apiGateway.httpPerRequest,
    });
  }
  const s3 = PRICES.s3;
  if (p.s3PutsPerRequest > 0)
    add({
      service: 'S3',
      item: 'PUT requests',
      quantity: n * p.s3PutsPerRequest,
      unit: 'requests',
      unitPriceUsd: s3.putPerRequest,
    });
  if (p.s3GetsPerRequest > 0)
    add({
      service: 'S3',
      item: 'GET requests',
      quantity: n * p.s3GetsPerRequest,
      unit: 'requests',
      unitPriceUsd: s3.getPerRequest,
    });
  if (p.s3StorageGb > 0)
    add({
      service: 'S3',
      item: 'storage',
      quantity: p.s3StorageGb,
      unit: 'GB-month',
      unitPriceUsd: s3.storagePerGbMonth,
    });
  const notes = ['On-demand prices without the free tier; data transfer and CloudWatch Logs are not included.'];
  const totalUsd = lines.reduce((s, l) => s + l.monthlyUsd, 0);
  return { lines, totalUsd, prices: { asOf: PRICES.checked, region: PRICES.region }, notes };
}
