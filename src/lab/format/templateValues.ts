// Property values AWS would refuse at deploy time, reported before anything is deployed:
// ranges of numbers, allowed words. Values that are intrinsics (e.g. !Ref a parameter) are
// judged only when they are plain literals.
//
// Facts (read 2026-12-03):
// - Lambda quotas, https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html:
//   function memory 128 MB to 10,240 MB in 1-MB increments; function timeout up to 900 s.
//   CreateFunction (Lambda API reference): Timeout minimum 1.
// - SQS CreateQueue attributes (API reference): DelaySeconds 0–900, MessageRetentionPeriod
//   60–1,209,600, ReceiveMessageWaitTimeSeconds 0–20, VisibilityTimeout 0–43,200,
//   MaximumMessageSize 1,024–1,048,576 ("Amazon SQS increases maximum message payload size
//   to 1 MiB", AWS, 2025; AWS Compute Blog "More room to build: serverless services now
//   support payloads up to 1 MB").
import type { Report } from './templateFile';
import { asMap } from './templateFile';

interface Range {
  min: number;
  max: number;
  unit: string;
  /** Whole numbers only. */
  integer: boolean;
}

const FUNCTION_RANGES: Record<string, Range> = {
  MemorySize: { min: 128, max: 10_240, unit: 'MB', integer: true },
  Timeout: { min: 1, max: 900, unit: 'seconds', integer: true },
};

const QUEUE_RANGES: Record<string, Range> = {
  DelaySeconds: { min: 0, max: 900, unit: 'seconds', integer: true },
  MessageRetentionPeriod: { min: 60, max: 1_209_600, unit: 'seconds', integer: true },
  ReceiveMessageWaitTimeSeconds: { min: 0, max: 20, unit: 'seconds', integer: true },
  VisibilityTimeout: { min: 0, max: 43_200, unit: 'seconds', integer: true },
  MaximumMessageSize: { min: 1024, max: 1_048_576, unit: 'bytes', integer: true },
};

const RANGES_BY_TYPE: Record<string, Record<string, Range>> = {
  'AWS::Serverless::Function': FUNCTION_RANGES,
  'AWS::SQS::Queue': QUEUE_RANGES,
};

// Runtime names are judged by the runtime table (runtimeSupport.ts, used in templateFiles.ts):
// a runtime AWS blocks or that we cannot run is refused there, in one place.

function judge(range: Range, property: string, value: unknown): string | undefined {
  if (value === null || typeof value === 'object') return undefined; // an intrinsic: known at deploy
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  const span = `${range.min.toLocaleString('en-US')}–${range.max.toLocaleString('en-US')} ${range.unit}`;
  if (Number.isNaN(n)) return `${property} must be a number (${span}), not '${String(value)}'`;
  if (range.integer && !Number.isInteger(n)) return `${property} must be a whole number (${span}), not ${n}`;
  if (n < range.min || n > range.max) return `${property} ${n} is outside what AWS accepts: ${span}`;
  return undefined;
}

export function checkTemplateValues(
  resources: Record<string, unknown>,
  functionGlobals: Record<string, unknown>,
  report: Report,
): void {
  for (const [property, value] of Object.entries(functionGlobals)) {
    const range = FUNCTION_RANGES[property];
    const problem = range && judge(range, property, value);
    if (problem) report(['Globals', 'Function', property], problem);
  }
  for (const [id, r] of Object.entries(resources)) {
    const type = String(asMap(r).Type);
    const ranges = RANGES_BY_TYPE[type] ?? {};
    for (const [property, value] of Object.entries(asMap(asMap(r).Properties))) {
      const range = ranges[property];
      const problem = range && judge(range, property, value);
      if (problem) report(['Resources', id, 'Properties', property], problem);
    }
  }
}
