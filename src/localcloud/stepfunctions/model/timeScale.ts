// Wait states and Retry intervals can run faster than real time, so a lab's `Wait 300 s` does
// not keep a student waiting. Scale = HOC_SFN_TIME_SCALE (environment) unless the state machine
// carries the tag `hoc:time-scale`; 0.01 turns 300 s into 3 s. Timeouts are never scaled.
export const TIME_SCALE_TAG = 'hoc:time-scale';
export const TIME_SCALE_ENV = 'HOC_SFN_TIME_SCALE';

export function parseTimeScale(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

export function timeScaleFor(tags: Record<string, string>, env: NodeJS.ProcessEnv = process.env): number {
  return parseTimeScale(tags[TIME_SCALE_TAG]) ?? parseTimeScale(env[TIME_SCALE_ENV]) ?? 1;
}
