// Messages between the invocation metrics view and its host.
import { check, type ParamCheckers } from './webviewProtocol';

/** One invocation, from its REPORT line. */
export interface InvocationRow {
  requestId: string;
  /** When the REPORT line was logged (epoch ms). */
  timestamp: number;
  durationMs: number;
  billedMs: number;
  /** Only on cold starts. */
  initMs?: number;
  memorySizeMb: number;
  maxMemoryUsedMb: number;
  cold: boolean;
  /** e.g. `timeout` when the REPORT line carries `Status: timeout`. */
  status?: string;
  /** Requests + compute (GB-s of the billed duration) at the dated prices. */
  costUsd: number;
}

export interface FunctionSummary {
  functionName: string;
  memorySizeMb: number;
  architecture: 'x86_64' | 'arm64';
  runtime?: string;
  target: string;
}

export interface PriceInfo {
  /** Date the price table was checked (YYYY-MM-DD). */
  asOf: string;
  region: string;
}

export interface SizingPoint {
  memoryMb: number;
  /** Median over the warm invocations at this size (cold starts distort steady speed). */
  durationMs: number;
  costPerInvocationUsd: number;
  samples: number;
  coldStarts: number;
}

export interface SizingResult {
  points: SizingPoint[];
  /** Memory sizes recommended for the lowest cost, the fastest run, and the balance of both. */
  recommended: { cost: number; speed: number; balanced: number };
  /** One sentence a student can read. */
  reason: string;
}

export interface EstimateParams {
  requestsPerMonth: number;
  /** Lambda: mean billed duration and memory (prefilled from the measurements). */
  durationMs: number;
  memoryMb: number;
  architecture: 'x86_64' | 'arm64';
  sqsRequestsPerRequest: number;
  sqsFifo: boolean;
  stateTransitionsPerRequest: number;
  api: 'none' | 'rest' | 'http';
  s3PutsPerRequest: number;
  s3GetsPerRequest: number;
  s3StorageGb: number;
}

export interface CostLine {
  service: 'Lambda' | 'SQS' | 'Step Functions' | 'API Gateway' | 'S3';
  item: string;
  quantity: number;
  unit: string;
  unitPriceUsd: number;
  monthlyUsd: number;
}

export interface CostProjection {
  lines: CostLine[];
  totalUsd: number;
  prices: PriceInfo;
  notes: string[];
}

export type MetricsMethods = {
  load: {
    params: Record<string, never>;
    result: {
      fn: FunctionSummary;
      invocations: InvocationRow[];
      truncated: boolean;
      prices: PriceInfo;
      sizing?: SizingResult;
    };
  };
  /** The view polls this; `changed: false` (nothing else) while no new REPORT line has arrived. */
  invocations: {
    params: Record<string, never>;
    result:
      { changed: true; invocations: InvocationRow[]; truncated: boolean; sizing?: SizingResult } | { changed: false };
  };
  estimate: { params: EstimateParams; result: CostProjection };
};

export type MetricsEvent = { type: 'progress'; text: string };

/** What the estimator starts from before the measurements fill it in. */
export const DEFAULT_ESTIMATE: Readonly<EstimateParams> = {
  requestsPerMonth: 1_000_000,
  durationMs: 100,
  memoryMb: 128,
  architecture: 'x86_64',
  sqsRequestsPerRequest: 0,
  sqsFifo: false,
  stateTransitionsPerRequest: 0,
  api: 'none',
  s3PutsPerRequest: 0,
  s3GetsPerRequest: 0,
  s3StorageGb: 0,
};

export const estimateParams = check.object<EstimateParams>({
  requestsPerMonth: check.number,
  durationMs: check.number,
  memoryMb: check.number,
  architecture: check.literal('x86_64', 'arm64'),
  sqsRequestsPerRequest: check.number,
  sqsFifo: check.boolean,
  stateTransitionsPerRequest: check.number,
  api: check.literal('none', 'rest', 'http'),
  s3PutsPerRequest: check.number,
  s3GetsPerRequest: check.number,
  s3StorageGb: check.number,
});

export const metricsParams: ParamCheckers<MetricsMethods> = {
  load: check.object({}),
  invocations: check.object({}),
  estimate: estimateParams,
};

/** View state kept across hide/show (getState/setState). */
export interface MetricsViewState {
  functionName: string;
  estimate?: Partial<EstimateParams>;
}
