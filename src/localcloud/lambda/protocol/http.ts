// restJson1 plumbing for Lambda: JSON bodies in and out, the route table, AWS-shaped errors.
import type { AwsRequest, AwsResponse } from '../../server/types';
import { jsonTooDeep, MAX_JSON_NESTING } from '../../server/jsonNesting';
import { InvalidParameterValueException, InvalidRequestContentException, ValidationException } from '../errors';

export type Params = Record<string, string>;
export type Operation = (req: AwsRequest, params: Params) => Promise<AwsResponse> | AwsResponse;

export interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  op: Operation;
}

/** `/2015-03-31/functions/{FunctionName}/aliases/{Name}` → a matcher with named segments. */
export function route(method: string, template: string, op: Operation): Route {
  const keys: string[] = [];
  const source = template
    .replace(/\/$/, '')
    .replace(/[.$]/g, '\\$&')
    .replace(/\{(\w+)\}/g, (_, k: string) => {
      keys.push(k);
      return '([^/]+)';
    });
  return { method, pattern: new RegExp(`^${source}/?$`), keys, op };
}

export function matchRoute(
  routes: readonly Route[],
  method: string,
  rawPath: string,
): { route: Route; params: Params } | undefined {
  for (const r of routes) {
    if (r.method !== method) continue;
    const m = r.pattern.exec(rawPath);
    if (!m) continue;
    const params: Params = {};
    r.keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1]!)));
    return { route: r, params };
  }
  return undefined;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): AwsResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? '' : JSON.stringify(body),
  };
}

export const noContent = (): AwsResponse => ({ status: 204, headers: {}, body: '' });

export function parseBody(req: AwsRequest): Record<string, unknown> {
  if (req.body.length === 0) return {};
  const text = req.body.toString('utf8');
  if (jsonTooDeep(text))
    throw new InvalidRequestContentException(
      `Could not parse request body into json: it nests deeper than ${MAX_JSON_NESTING} levels.`,
    );
  try {
    const v = JSON.parse(text) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new InvalidRequestContentException(
    'Could not parse request body into json: the request body is not a JSON object.',
  );
}

export function query(req: AwsRequest, key: string): string | undefined {
  const v = req.query[key];
  return Array.isArray(v) ? v[0] : v;
}

/** Lambda pages with Marker / MaxItems; the marker is the index to continue from. */
export function paginate<T>(items: T[], req: AwsRequest, max = 50): { page: T[]; NextMarker?: string } {
  const start = Number(query(req, 'Marker') ?? 0) || 0;
  const size = Math.min(Number(query(req, 'MaxItems') ?? max) || max, 10_000);
  const page = items.slice(start, start + size);
  return { page, ...(start + size < items.length ? { NextMarker: String(start + size) } : {}) };
}
