// What the data plane reads from an incoming request: headers with their original casing,
// query parameters, timestamps and the ids AWS attaches to every invocation.
import { randomBytes, randomUUID } from 'node:crypto';
import type { AwsRequest } from '../../server/types';

export interface RequestFacts {
  method: string;
  /** Header names as the client sent them (when the core exposes raw headers), in order. */
  headerPairs: Array<[string, string]>;
  queryPairs: Array<[string, string]>;
  body: Buffer;
  sourceIp: string;
  requestId: string;
  extendedRequestId: string;
  traceId: string;
  epochMs: number;
}

/** Headers CloudFront and API Gateway drop before the integration sees the request. */
const DROPPED = new Set([
  'content-length',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'proxy-connection',
  'te',
  'trailer',
  'expect',
]);
/** Headers CloudFront capitalises on the way in. */
const CAPITALISED: Record<string, string> = { authorization: 'Authorization', 'user-agent': 'User-Agent' };

export function requestFacts(req: AwsRequest, port: number): RequestFacts {
  const raw = req.rawHeaders;
  const pairs: Array<[string, string]> = [];
  if (raw) {
    for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i]!, raw[i + 1]!]);
  } else {
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) pairs.push([name, v]);
    }
  }
  const sourceIp = req.sourceIp.replace(/^::ffff:/, '');
  const epochMs = Date.now();
  const traceId = `Root=1-${Math.floor(epochMs / 1000).toString(16)}-${randomBytes(12).toString('hex')}`;
  const headerPairs = pairs
    .filter(([name]) => !DROPPED.has(name.toLowerCase()))
    .map(([name, value]): [string, string] => [CAPITALISED[name.toLowerCase()] ?? name, value]);
  const has = (n: string) => headerPairs.some(([name]) => name.toLowerCase() === n);
  if (!has('x-forwarded-for')) headerPairs.push(['X-Forwarded-For', sourceIp]);
  if (!has('x-forwarded-port')) headerPairs.push(['X-Forwarded-Port', String(port)]);
  if (!has('x-forwarded-proto')) headerPairs.push(['X-Forwarded-Proto', 'http']);
  if (!has('x-amzn-trace-id')) headerPairs.push(['X-Amzn-Trace-Id', traceId]);
  return {
    method: req.method.toUpperCase(),
    headerPairs,
    queryPairs: [...req.searchParams],
    body: req.body,
    sourceIp,
    requestId: randomUUID(),
    extendedRequestId: randomBytes(12).toString('base64').replace(/[+/]/g, 'x').slice(0, 16),
    traceId,
    epochMs,
  };
}

/** Value of a header by case-insensitive name (the last one when repeated). */
export function header(facts: RequestFacts, name: string): string | undefined {
  const lower = name.toLowerCase();
  let found: string | undefined;
  for (const [n, v] of facts.headerPairs) if (n.toLowerCase() === lower) found = v;
  return found;
}

/** Does a media type match one of the API's binaryMediaTypes (wildcards allowed)? */
export function isBinaryType(mediaType: string | undefined, binaryMediaTypes: readonly string[]): boolean {
  if (!mediaType || binaryMediaTypes.length === 0) return false;
  const types = mediaType.split(',').map((t) => t.split(';')[0]!.trim().toLowerCase());
  return types.some((type) =>
    binaryMediaTypes.some((pattern) => {
      const [pt, ps] = pattern.toLowerCase().split('/');
      const [t, s] = type.split('/');
      return (pt === '*' || pt === t) && (ps === '*' || ps === s);
    }),
  );
}
