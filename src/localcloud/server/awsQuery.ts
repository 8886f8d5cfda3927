// The AWS query protocol in its generic form (IAM, STS): form-encoded requests whose lists
// are `Name.member.N` and maps `Name.entry.N.key/value`, answered with
// `<ActionResponse><ActionResult>…</ActionResult><ResponseMetadata/>` XML in which a list is
// `<Name><member>…</member></Name>`. Shapes from botocore's query-protocol models
// (data/iam/2010-05-08, data/sts/2011-06-15, botocore 1.43.11), read 2026-12-03.
import type { AwsRequest, AwsResponse } from './types';
import { MalformedQueryString, MissingAction, type AwsError } from './errors';
import { escapeXml } from './xml';

export type QueryValue = string | QueryValue[] | { [member: string]: QueryValue };
export type QueryInput = { [member: string]: QueryValue };

type Tree = { [k: string]: Tree | string };

/** The action and its input, from the query string and a form-encoded body. */
export function readQueryRequest(req: AwsRequest): { action: string; input: QueryInput } {
  const params = new URLSearchParams(req.searchParams);
  if (req.body.length > 0) {
    const type = String(req.headers['content-type'] ?? '');
    if (type && !type.startsWith('application/x-www-form-urlencoded')) {
      throw new MalformedQueryString(
        `The request has content type '${type}'; this service speaks the AWS query protocol (application/x-www-form-urlencoded).`,
      );
    }
    for (const [k, v] of new URLSearchParams(req.body.toString('utf8'))) params.append(k, v);
  }
  const tree: Tree = {};
  for (const [key, value] of params) {
    const path = key.split('.');
    let node = tree;
    for (const part of path.slice(0, -1)) {
      const next = node[part];
      node = typeof next === 'object' ? next : (node[part] = {});
    }
    node[path[path.length - 1]!] = value;
  }
  const action = typeof tree.Action === 'string' ? tree.Action : '';
  delete tree.Action;
  delete tree.Version;
  if (!action) throw new MissingAction();
  return { action, input: reshape(tree) as QueryInput };
}

function reshape(node: Tree | string): QueryValue {
  if (typeof node === 'string') return node;
  const keys = Object.keys(node);
  if (keys.length === 1 && (keys[0] === 'member' || keys[0] === 'entry')) {
    const items = node[keys[0]!]!;
    const list =
      typeof items === 'string'
        ? []
        : Object.keys(items)
            .filter((k) => /^\d+$/.test(k))
            .sort((a, b) => Number(a) - Number(b))
            .map((k) => reshape(items[k]!));
    if (keys[0] === 'member') return list;
    const map: Record<string, QueryValue> = {};
    for (const entry of list)
      if (typeof entry === 'object' && !Array.isArray(entry) && typeof entry.key === 'string')
        map[entry.key] = entry.value ?? '';
    return map;
  }
  const out: Record<string, QueryValue> = {};
  for (const k of keys) out[k] = reshape(node[k]!);
  return out;
}

/** Output value: plain data; Dates become ISO 8601, arrays `<member>` lists. */
export type QueryOutput = { [member: string]: unknown };

function xmlOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return value.toISOString().replace(/\.\d{3}Z$/, 'Z');
  if (Array.isArray(value)) return value.map((item) => `<member>${xmlOf(item)}</member>`).join('');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `<${k}>${xmlOf(v)}</${k}>`)
      .join('');
  }
  return escapeXml(String(value));
}

/** The 200 answer to `action`; `output` undefined for actions without a result element. */
export function queryAnswer(
  namespace: string,
  action: string,
  output: QueryOutput | undefined,
  requestId: string,
): AwsResponse {
  const result = output === undefined ? '' : `<${action}Result>${xmlOf(output)}</${action}Result>`;
  return {
    status: 200,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${namespace}">${result}<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`,
  };
}

/** Input readers that turn a missing or mistyped member into the service's ValidationError. */
export class QueryInputReader {
  constructor(
    private readonly input: QueryInput,
    private readonly invalid: (message: string) => AwsError,
  ) {}

  optionalString(name: string): string | undefined {
    const v = this.input[name];
    if (v === undefined) return undefined;
    if (typeof v !== 'string')
      throw this.invalid(
        `1 validation error detected: Value at '${lowerFirst(name)}' failed to satisfy constraint: Member must be a string`,
      );
    return v;
  }

  string(name: string): string {
    const v = this.optionalString(name);
    if (v === undefined)
      throw this.invalid(
        `1 validation error detected: Value null at '${lowerFirst(name)}' failed to satisfy constraint: Member must not be null`,
      );
    return v;
  }

  optionalInt(name: string): number | undefined {
    const v = this.optionalString(name);
    if (v === undefined) return undefined;
    if (!/^-?\d+$/.test(v))
      throw this.invalid(
        `1 validation error detected: Value '${v}' at '${lowerFirst(name)}' failed to satisfy constraint: Member must be an integer`,
      );
    return Number(v);
  }

  list(name: string): QueryValue[] {
    const v = this.input[name];
    if (v === undefined || v === '') return [];
    if (!Array.isArray(v))
      throw this.invalid(
        `1 validation error detected: Value at '${lowerFirst(name)}' failed to satisfy constraint: Member must be a list (${name}.member.N)`,
      );
    return v;
  }

  stringList(name: string): string[] {
    return this.list(name).map((v) => (typeof v === 'string' ? v : ''));
  }

  /** A list of {Key, Value} structures (IAM and STS tags). */
  tags(name = 'Tags'): Array<{ Key: string; Value: string }> {
    return this.list(name).map((item) => {
      const t = typeof item === 'object' && !Array.isArray(item) ? item : {};
      return { Key: typeof t.Key === 'string' ? t.Key : '', Value: typeof t.Value === 'string' ? t.Value : '' };
    });
  }
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
