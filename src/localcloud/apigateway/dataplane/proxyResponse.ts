// Turns a Lambda proxy integration's result into the HTTP response, or refuses it as AWS
// does: anything but { statusCode, headers, multiValueHeaders, body, isBase64Encoded } with
// the right types, and an empty object, is a "Malformed Lambda proxy response" (502).
import { GatewayFailure, internalServerError, type DataPlaneResponse } from './gatewayResponses';
import { isBinaryType } from './requestFacts';

const ALLOWED_KEYS = new Set(['statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded', 'cookies']);

const malformed = (why: string) =>
  new GatewayFailure(
    internalServerError(502),
    `Execution failed due to configuration error: Malformed Lambda proxy response (${why})`,
  );

/** @param accept the request's Accept header; binary bodies are decoded only when it matches binaryMediaTypes. */
export function proxyResponse(
  payload: Buffer,
  binaryMediaTypes: readonly string[],
  accept: string | undefined,
): DataPlaneResponse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload.toString('utf8'));
  } catch {
    throw malformed('not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw malformed('not a JSON object');
  const r = parsed as Record<string, unknown>;
  // AWS-validated (LocalStack test_aws_proxy_response_payload_format_validation, read 2026-12-03):
  // `{}` is a 502, while an object with only headers (no statusCode) is a 200.
  if (Object.keys(r).length === 0) throw malformed('empty object');
  const extra = Object.keys(r).find((k) => !ALLOWED_KEYS.has(k));
  if (extra) throw malformed(`unexpected field '${extra}'`);

  let status = 200;
  if (r.statusCode !== undefined && r.statusCode !== null) {
    status =
      typeof r.statusCode === 'number'
        ? r.statusCode
        : typeof r.statusCode === 'string' && /^\d+$/.test(r.statusCode)
          ? Number(r.statusCode)
          : NaN;
    if (!Number.isInteger(status) || status < 100 || status > 599) throw malformed('statusCode is not an HTTP status');
  }
  if (r.body !== undefined && r.body !== null && typeof r.body !== 'string') throw malformed('body is not a string');
  if (r.isBase64Encoded !== undefined && r.isBase64Encoded !== null && typeof r.isBase64Encoded !== 'boolean')
    throw malformed('isBase64Encoded is not a boolean');

  const headers = mergeHeaders(r.headers, r.multiValueHeaders);
  if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
    headers['Content-Type'] = 'application/json';
  const contentType = Object.entries(headers).find(([h]) => h.toLowerCase() === 'content-type')?.[1];

  const text = (r.body as string | null | undefined) ?? '';
  const decode =
    r.isBase64Encoded === true &&
    (isBinaryType(accept, binaryMediaTypes) || isBinaryType(contentType, binaryMediaTypes));
  return { status, headers, body: decode ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8') };
}

/** multiValueHeaders first, then headers, merged case-insensitively and joined with ", ". */
function mergeHeaders(single: unknown, multi: unknown): Record<string, string> {
  const out = new Map<string, { name: string; values: string[] }>();
  const add = (name: string, value: string) => {
    const entry = out.get(name.toLowerCase());
    if (entry) entry.values.push(value);
    else out.set(name.toLowerCase(), { name, values: [value] });
  };
  if (multi !== undefined && multi !== null) {
    if (typeof multi !== 'object' || Array.isArray(multi)) throw malformed('multiValueHeaders is not an object');
    for (const [name, values] of Object.entries(multi as Record<string, unknown>)) {
      if (!Array.isArray(values)) throw malformed(`multiValueHeaders.${name} is not a list`);
      for (const v of values) add(name, headerValue(v, name));
    }
  }
  if (single !== undefined && single !== null) {
    if (typeof single !== 'object' || Array.isArray(single)) throw malformed('headers is not an object');
    for (const [name, value] of Object.entries(single as Record<string, unknown>)) add(name, headerValue(value, name));
  }
  return Object.fromEntries([...out.values()].map(({ name, values }) => [name, values.join(', ')]));
}

function headerValue(value: unknown, name: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  throw malformed(`header ${name} is not a string`);
}
