// Reading CloudWatch Logs JSON input: typed members, log group identifiers and page tokens.
import { InvalidParameterException } from '../errors';

export type Input = Record<string, unknown>;

export function str(input: Input, key: string, required = true): string | undefined {
  const v = input[key];
  if (v === undefined || v === null) {
    if (required) throw InvalidParameterException.missing(key);
    return undefined;
  }
  if (typeof v !== 'string') throw new InvalidParameterException(`Value at '${key}' must be a string.`);
  return v;
}

export const num = (input: Input, key: string): number | undefined =>
  typeof input[key] === 'number' ? (input[key] as number) : undefined;

/** Opaque page tokens: the index to continue from. */
const token = (n: number) => Buffer.from(`hoc:${n}`).toString('base64');
function fromToken(t: unknown): number {
  if (t === undefined) return 0;
  const m = /^hoc:(\d+)$/.exec(Buffer.from(String(t), 'base64').toString());
  if (!m) throw new InvalidParameterException('The specified nextToken is invalid.');
  return Number(m[1]);
}

export function page<T>(items: T[], input: Input, max: number): { items: T[]; nextToken?: string } {
  const start = fromToken(input.nextToken);
  const limit = Math.min(num(input, 'limit') ?? max, max);
  const slice = items.slice(start, start + limit);
  return { items: slice, nextToken: start + limit < items.length ? token(start + limit) : undefined };
}

/** logGroupIdentifier (a name or an ARN) when given, else logGroupName. */
export function groupName(input: Input): string {
  const id = str(input, 'logGroupIdentifier', false);
  if (id)
    return id.startsWith('arn:') ? id.replace(/^arn:[^:]+:logs:[^:]*:[^:]*:log-group:/, '').replace(/:\*$/, '') : id;
  return str(input, 'logGroupName')!;
}
