// Queue attributes: defaults, validation of what CreateQueue/SetQueueAttributes may set, and
// the read-only attributes GetQueueAttributes adds. Values are kept as the strings AWS uses.
import { InvalidAttributeName, InvalidAttributeValue, InvalidParameterValue } from '../errors';

export const MAX_MESSAGE_BYTES = 1_048_576;

const INT_RANGES: Record<string, [number, number]> = {
  DelaySeconds: [0, 900],
  MaximumMessageSize: [1024, MAX_MESSAGE_BYTES],
  MessageRetentionPeriod: [60, 1_209_600],
  ReceiveMessageWaitTimeSeconds: [0, 20],
  VisibilityTimeout: [0, 43_200],
  KmsDataKeyReusePeriodSeconds: [60, 86_400],
};
const FIFO_ONLY = new Set(['ContentBasedDeduplication', 'DeduplicationScope', 'FifoThroughputLimit']);
const ENUMS: Record<string, string[]> = {
  ContentBasedDeduplication: ['true', 'false'],
  SqsManagedSseEnabled: ['true', 'false'],
  DeduplicationScope: ['messageGroup', 'queue'],
  FifoThroughputLimit: ['perQueue', 'perMessageGroupId'],
};
const FREE_TEXT = new Set(['Policy', 'RedrivePolicy', 'RedriveAllowPolicy', 'KmsMasterKeyId']);
export const READ_ONLY = [
  'ApproximateNumberOfMessages',
  'ApproximateNumberOfMessagesNotVisible',
  'ApproximateNumberOfMessagesDelayed',
  'CreatedTimestamp',
  'LastModifiedTimestamp',
  'QueueArn',
] as const;
/** Every name GetQueueAttributes knows (besides All). */
export const ALL_ATTRIBUTE_NAMES = new Set([
  ...Object.keys(INT_RANGES),
  ...Object.keys(ENUMS),
  ...FREE_TEXT,
  'FifoQueue',
  ...READ_ONLY,
]);

export function defaultAttributes(fifo: boolean): Record<string, string> {
  const base: Record<string, string> = {
    DelaySeconds: '0',
    MaximumMessageSize: String(MAX_MESSAGE_BYTES),
    MessageRetentionPeriod: '345600',
    ReceiveMessageWaitTimeSeconds: '0',
    VisibilityTimeout: '30',
    SqsManagedSseEnabled: 'true',
  };
  if (fifo)
    Object.assign(base, {
      FifoQueue: 'true',
      ContentBasedDeduplication: 'false',
      DeduplicationScope: 'queue',
      FifoThroughputLimit: 'perQueue',
    });
  return base;
}

export interface RedrivePolicy {
  deadLetterTargetArn: string;
  maxReceiveCount: number;
}

/**
 * Checks attributes given to CreateQueue (`creating`) or SetQueueAttributes and returns them
 * normalised. Cross-queue checks (does the dead-letter target exist?) are the backend's.
 */
export function validateAttributes(
  input: Record<string, string>,
  fifo: boolean,
  creating: boolean,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(input)) {
    const value = String(raw);
    if (name === 'FifoQueue') {
      if (!creating) {
        if (fifo)
          throw new InvalidAttributeValue(
            'Invalid value for the parameter FifoQueue. Reason: Modifying queue type is not supported.',
          );
        throw new InvalidAttributeName('Unknown Attribute FifoQueue.');
      }
      if (value !== 'true' && value !== 'false')
        throw new InvalidAttributeValue(`Invalid value for the parameter FifoQueue.`);
      if (value === 'true') out.FifoQueue = 'true';
      continue;
    }
    if (FIFO_ONLY.has(name) && !fifo) {
      if (creating && name !== 'ContentBasedDeduplication')
        throw new InvalidAttributeName(`You can specify the ${name} only when FifoQueue is set to true.`);
      throw new InvalidAttributeName(`Unknown Attribute ${name}.`);
    }
    // Own names only: `constructor`, `toString` or `__proto__` are not attributes (InvalidAttributeName).
    const range = Object.hasOwn(INT_RANGES, name) ? INT_RANGES[name] : undefined;
    if (range) {
      const n = Number(value);
      if (!/^-?\d+$/.test(value.trim()) || n < range[0] || n > range[1]) {
        throw new InvalidAttributeValue(
          `Invalid value for the parameter ${name}. Reason: Must be an integer from ${range[0]} to ${range[1]}.`,
        );
      }
      out[name] = String(n);
    } else if (Object.hasOwn(ENUMS, name)) {
      if (!ENUMS[name]!.includes(value))
        throw new InvalidAttributeValue(
          `Invalid value for the parameter ${name}. Reason: Must be one of ${ENUMS[name]!.join(', ')}.`,
        );
      out[name] = value;
    } else if (FREE_TEXT.has(name)) {
      if (name === 'RedrivePolicy' && value !== '') parseRedrivePolicy(value);
      if (name === 'RedriveAllowPolicy' && value !== '') checkRedriveAllowPolicy(value);
      if (name === 'Policy' && value !== '') checkJson(name, value);
      out[name] = value;
    } else {
      throw new InvalidAttributeName(`Unknown Attribute ${name}.`);
    }
  }
  return out;
}

export function parseRedrivePolicy(value: string): RedrivePolicy {
  const parsed = checkJson('RedrivePolicy', value) as Record<string, unknown>;
  const arn = parsed.deadLetterTargetArn;
  const count = Number(parsed.maxReceiveCount);
  if (typeof arn !== 'string' || !arn) {
    throw InvalidParameterValue.of(
      'RedrivePolicy',
      value,
      'Redrive policy does not contain mandatory attribute: deadLetterTargetArn.',
    );
  }
  if (parsed.maxReceiveCount === undefined) {
    throw InvalidParameterValue.of(
      'RedrivePolicy',
      value,
      'Redrive policy does not contain mandatory attribute: maxReceiveCount.',
    );
  }
  if (!Number.isInteger(count) || count < 1 || count > 1000) {
    throw InvalidParameterValue.of(
      'RedrivePolicy',
      value,
      'Invalid value for maxReceiveCount: must be an integer from 1 to 1000.',
    );
  }
  return { deadLetterTargetArn: arn, maxReceiveCount: count };
}

export interface RedriveAllowPolicy {
  redrivePermission: 'allowAll' | 'denyAll' | 'byQueue';
  sourceQueueArns?: string[];
}

function checkRedriveAllowPolicy(value: string): RedriveAllowPolicy {
  const parsed = checkJson('RedriveAllowPolicy', value) as Partial<RedriveAllowPolicy>;
  if (!['allowAll', 'denyAll', 'byQueue'].includes(String(parsed.redrivePermission))) {
    throw InvalidParameterValue.of(
      'RedriveAllowPolicy',
      value,
      'Invalid value for redrivePermission: must be allowAll, denyAll or byQueue.',
    );
  }
  if (
    parsed.redrivePermission === 'byQueue' &&
    (!Array.isArray(parsed.sourceQueueArns) ||
      parsed.sourceQueueArns.length === 0 ||
      parsed.sourceQueueArns.length > 10)
  ) {
    throw InvalidParameterValue.of(
      'RedriveAllowPolicy',
      value,
      'byQueue needs sourceQueueArns with 1 to 10 queue ARNs.',
    );
  }
  return parsed as RedriveAllowPolicy;
}

export function redriveAllowPolicy(attributes: Record<string, string>): RedriveAllowPolicy | undefined {
  const v = attributes.RedriveAllowPolicy;
  return v ? (JSON.parse(v) as RedriveAllowPolicy) : undefined;
}

function checkJson(name: string, value: string): unknown {
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed;
  } catch {
    // falls through to the AWS-shaped error
  }
  throw InvalidParameterValue.of(
    name,
    value,
    `${name === 'Policy' ? 'Policy' : 'Redrive policy'} is not a valid JSON map.`,
  );
}
