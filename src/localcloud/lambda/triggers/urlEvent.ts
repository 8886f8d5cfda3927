// Function URL requests as Lambda hands them to a function (payload format 2.0), and the
// function's answer as Lambda turns it back into HTTP (structured, or a bare string/object).
import { randomUUID } from 'node:crypto';
import type { AwsRequest } from '../../server/types';

const TEXT_TYPES = /^(text\/|application\/(json|javascript|xml|x-www-form-urlencoded|.*\+json|.*\+xml))/i;

export interface UrlEventFacts {
  urlId: string;
  domainName: string;
  accountId: string;
  /** Path inside the function URL, starting with `/`. */
  path: string;
  iam?: { accessKey: string; accountId: string };
}

export function urlEvent(req: AwsRequest, f: UrlEventFacts): Record<string, unknown> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined || k === 'cookie') continue;
    headers[k] = Array.isArray(v) ? v.join(',') : v;
  }
  headers['x-forwarded-for'] ??= req.sourceIp;
  headers['x-forwarded-proto'] ??= 'http';
  headers['x-amzn-trace-id'] ??=
    `Root=1-${Math.floor(Date.now() / 1000).toString(16)}-${randomUUID().replace(/-/g, '').slice(0, 24)}`;
  const cookieHeader = req.headers.cookie;
  const cookies = cookieHeader ? String(cookieHeader).split(/;\s*/).filter(Boolean) : undefined;
  const query: Record<string, string> = {};
  for (const [k, v] of req.searchParams) query[k] = query[k] === undefined ? v : `${query[k]},${v}`;
  const rawQuery = req.searchParams.toString();
  const now = new Date();
  const event: Record<string, unknown> = {
    version: '2.0',
    routeKey: '$default',
    rawPath: f.path,
    rawQueryString: rawQuery,
    ...(cookies ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: f.iam ? f.iam.accountId : 'anonymous',
      apiId: f.urlId,
      ...(f.iam
        ? {
            authorizer: {
              iam: {
                accessKey: f.iam.accessKey,
                accountId: f.iam.accountId,
                callerId: f.iam.accessKey,
                cognitoIdentity: null,
                principalOrgId: null,
                userArn: `arn:aws:iam::${f.iam.accountId}:root`,
                userId: f.iam.accountId,
              },
            },
          }
        : {}),
      domainName: f.domainName,
      domainPrefix: f.urlId,
      http: {
        method: req.method,
        path: f.path,
        protocol: 'HTTP/1.1',
        sourceIp: req.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: req.requestId,
      routeKey: '$default',
      stage: '$default',
      time: clfTime(now),
      timeEpoch: now.getTime(),
    },
    isBase64Encoded: false,
  };
  if (req.body.length > 0) {
    const text = TEXT_TYPES.test(String(req.headers['content-type'] ?? ''));
    event.body = text ? req.body.toString('utf8') : req.body.toString('base64');
    event.isBase64Encoded = !text;
  }
  return event;
}

/** 12/Mar/2020:19:03:58 +0000 */
function clfTime(d: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/** Maps a function's result to HTTP the way function URLs (and HTTP APIs, format 2.0) do. */
export function urlResponse(payload: Buffer): HttpAnswer {
  let value: unknown;
  try {
    value = JSON.parse(payload.toString('utf8'));
  } catch {
    return { status: 200, headers: { 'content-type': 'application/json' }, body: payload };
  }
  if (value && typeof value === 'object' && !Array.isArray(value) && 'statusCode' in value) {
    const r = value as {
      statusCode: unknown;
      headers?: Record<string, unknown>;
      cookies?: unknown[];
      body?: unknown;
      isBase64Encoded?: boolean;
    };
    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(r.headers ?? {})) headers[k.toLowerCase()] = String(v);
    headers['content-type'] ??= 'application/json';
    if (Array.isArray(r.cookies) && r.cookies.length) headers['set-cookie'] = r.cookies.map(String);
    const bodyText =
      r.body === undefined || r.body === null ? '' : typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
    const status = Number(r.statusCode);
    return {
      status: Number.isInteger(status) && status >= 100 && status <= 599 ? status : 502,
      headers,
      body: r.isBase64Encoded ? Buffer.from(bodyText, 'base64') : Buffer.from(bodyText),
    };
  }
  const body = typeof value === 'string' ? value : JSON.stringify(value);
  return { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(body) };
}
