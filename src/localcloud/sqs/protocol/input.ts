// Reading action inputs that arrive in JSON form (JSON protocol, or the query protocol after
// query.ts reshaped it): numbers may be strings, required members raise MissingParameter.
import { InvalidParameterValue, MissingParameter } from '../errors';
import type { MessageAttributes } from '../model/message';

export type Input = Record<string, unknown>;

export function optString(input: Input, name: string): string | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  // A JSON number or boolean for a string member (e.g. "QueueName": 42) is refused too: the
  // SQS model types these members as String, and AWS answers a mistyped member with a 400.
  if (typeof v !== 'string')
    throw InvalidParameterValue.of(name, typeof v === 'object' ? JSON.stringify(v) : String(v), 'Must be a string.');
  return v;
}

export function reqString(input: Input, name: string): string {
  const v = optString(input, name);
  if (v === undefined || v === '') throw new MissingParameter(name);
  return v;
}

export function optInt(input: Input, name: string): number | undefined {
  const v = input[name];
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : Number(String(v).trim());
  if (!Number.isInteger(n)) throw InvalidParameterValue.of(name, v, 'Must be an integer.');
  return n;
}

export function stringMap(input: Input, name: string): Record<string, string> {
  const v = input[name];
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v))
    throw InvalidParameterValue.of(name, JSON.stringify(v), 'Must be a map of strings.');
  // No prototype: a key named `__proto__` stays a key (and is then refused or kept as any other).
  const out = Object.create(null) as Record<string, string>;
  for (const [k, val] of Object.entries(v as Record<string, unknown>))
    out[k] = val === null || val === undefined ? '' : String(val);
  return out;
}

export function stringList(input: Input, name: string): string[] {
  const v = input[name];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw InvalidParameterValue.of(name, JSON.stringify(v), 'Must be a list of strings.');
  return v.map((x) => String(x));
}

export function attributeMap(input: Input, name: string): MessageAttributes | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v))
    throw InvalidParameterValue.of(name, JSON.stringify(v), 'Must be a map of message attribute values.');
  const out = Object.create(null) as MessageAttributes; // user-chosen names: no prototype
  for (const [k, raw] of Object.entries(v as Record<string, Record<string, unknown>>)) {
    const val = raw ?? {};
    out[k] = {
      DataType: val.DataType === undefined ? '' : String(val.DataType),
      ...(val.StringValue !== undefined ? { StringValue: String(val.StringValue) } : {}),
      ...(val.BinaryValue !== undefined ? { BinaryValue: String(val.BinaryValue) } : {}),
    };
  }
  return out;
}

export function entries(input: Input, name = 'Entries'): Input[] {
  const v = input[name];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw InvalidParameterValue.of(name, JSON.stringify(v), 'Must be a list.');
  return v.map((e) => (e && typeof e === 'object' ? (e as Input) : {}));
}
