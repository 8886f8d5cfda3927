// Cost of what a lesson did: one invocation, a sizing sweep, a whole run. Since 2025-08-01
// INIT time is billed for ZIP functions too; AWS then reports it inside Billed Duration (as it
// always did for container images and custom runtimes), so Billed Duration is the whole bill.
import type { LambdaReport } from './reportLine';
import { PRICES, type Architecture } from './prices';

export function billedMs(r: LambdaReport): number {
  return r.billedDurationMs;
}

/** USD for one invocation: request + GB-seconds (memory × billed time). */
export function invocationCost(r: LambdaReport, arch: Architecture = 'x86_64'): number {
  const gbSeconds = (r.memorySizeMb / 1024) * (billedMs(r) / 1000);
  return PRICES.lambda.perRequest + gbSeconds * PRICES.lambda.perGbSecond[arch];
}

export interface UsageTally {
  lambda: LambdaReport[];
  sqsRequests?: { standard?: number; fifo?: number };
  stateTransitions?: number;
  apiRequests?: { rest?: number; http?: number };
  architecture?: Architecture;
}

export interface CostBreakdown {
  lambda: number;
  sqs: number;
  stepFunctions: number;
  apiGateway: number;
  total: number;
}

export function usageCost(u: UsageTally): CostBreakdown {
  const lambda = u.lambda.reduce((s, r) => s + invocationCost(r, u.architecture), 0);
  const sqs =
    (u.sqsRequests?.standard ?? 0) * PRICES.sqs.perRequest.standard +
    (u.sqsRequests?.fifo ?? 0) * PRICES.sqs.perRequest.fifo;
  const stepFunctions = (u.stateTransitions ?? 0) * PRICES.stepFunctions.standardPerTransition;
  const apiGateway =
    (u.apiRequests?.rest ?? 0) * PRICES.apiGateway.restPerRequest +
    (u.apiRequests?.http ?? 0) * PRICES.apiGateway.httpPerRequest;
  return { lambda, sqs, stepFunctions, apiGateway, total: lambda + sqs + stepFunctions + apiGateway };
}

/** SQS bills each 64 KB chunk of a payload as one request. */
export function sqsRequestsFor(bodyBytes: number): number {
  return Math.max(1, Math.ceil(bodyBytes / PRICES.sqs.chunkBytes));
}

/** "$0.0000021" / "$1.23": enough digits to see a difference between sizes. */
export function formatUsd(x: number): string {
  if (x === 0) return '$0';
  if (x >= 0.01) return `$${x.toFixed(2)}`;
  // Two significant digits without exponent notation: 0.00000080
  return `$${x.toFixed(Math.min(20, 1 - Math.floor(Math.log10(x))))}`;
}
