// The one price table (us-east-1, on-demand, no free tier). Change prices only here, with the date.

export const PRICES = {
  region: 'us-east-1',
  checked: '2026-01-15',
  lambda: {
    perRequest: 0.2 / 1_000_000,
    perGbSecond: { x86_64: 0.0000166667, arm64: 0.0000133334 },
    /** Billing granularity in ms. */
    granularityMs: 1,
  },
  sqs: { perRequest: { standard: 0.4 / 1_000_000, fifo: 0.5 / 1_000_000 }, chunkBytes: 64 * 1024 },
  stepFunctions: { standardPerTransition: 0.025 / 1000 },
  apiGateway: { restPerRequest: 3.5 / 1_000_000, httpPerRequest: 1.0 / 1_000_000 },
  // S3 Standard: PUT/COPY/POST/LIST per request, GET/SELECT per request, storage per GB-month.
  s3: { putPerRequest: 0.005 / 1000, getPerRequest: 0.0004 / 1000, storagePerGbMonth: 0.023 },
} as const;

export type Architecture = keyof typeof PRICES.lambda.perGbSecond;
