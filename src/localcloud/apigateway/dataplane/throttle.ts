// Stage throttling as set with UpdateStage (`/*/*/throttling/rateLimit` and `burstLimit`, or
// per method `/~1pow/GET/throttling/…`): a token bucket per stage and method, refilled at
// rateLimit per second and holding at most burstLimit tokens. Empty bucket → 429.
import type { Stage } from '../model/entities';

interface Bucket {
  rate: number;
  burst: number;
  tokens: number;
  at: number;
}

export class Throttle {
  private readonly buckets = new Map<string, Bucket>();

  /** True when the request may pass; false when the stage's limits are exhausted. */
  admit(apiId: string, stage: Stage, resourcePath: string, httpMethod: string, nowMs = Date.now()): boolean {
    const methodKey = `${resourcePath.replace(/\//g, '~1')}/${httpMethod}`;
    const specific = stage.methodSettings[methodKey];
    const all = stage.methodSettings['*/*'];
    const rate = numberOr(specific?.throttlingRateLimit, numberOr(all?.throttlingRateLimit, undefined));
    const burst = numberOr(specific?.throttlingBurstLimit, numberOr(all?.throttlingBurstLimit, undefined));
    if (rate === undefined && burst === undefined) return true;
    const key = `${apiId}/${stage.stageName}/${specific ? methodKey : '*/*'}`;
    const r = rate ?? Number.POSITIVE_INFINITY;
    const b = burst ?? Math.max(1, Math.ceil(r));
    let bucket = this.buckets.get(key);
    if (!bucket || bucket.rate !== r || bucket.burst !== b) {
      bucket = { rate: r, burst: b, tokens: b, at: nowMs };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(b, bucket.tokens + ((nowMs - bucket.at) / 1000) * r);
    bucket.at = nowMs;
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}

function numberOr(value: unknown, fallback: number | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
