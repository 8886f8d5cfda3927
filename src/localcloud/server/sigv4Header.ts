// The signature of a header-signed SigV4 request, computed synchronously on node:crypto.
// Every control-plane request is verified, so this is on the hot path: the derived signing
// key is cached per day/region/service (as SDKs cache it), the body is hashed at most once,
// and nothing is cloned or awaited. Presigned URLs (rare) still go through the SDK's signer.
//
// The steps follow AWS's "Create a signed AWS API request" (IAM User Guide,
// docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html, read
// 2026-12-03): canonical request = method, canonical URI, canonical query, canonical headers,
// signed headers, payload hash; string to sign = algorithm, request date, credential scope,
// hex SHA-256 of the canonical request; kSigning = HMAC chain "AWS4"+secret → date → region →
// service → "aws4_request". Where the spec leaves room, this matches @smithy/signature-v4
// (what the JS SDK signs with): every path but S3's is normalised and escaped twice.
import { createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { digestHex } from './digest';

export interface HeaderSigningInput {
  method: string;
  rawPath: string;
  searchParams: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Lower-case names from the Authorization header's SignedHeaders. */
  signedHeaders: readonly string[];
  /** Hex SHA-256 of the body, or the literal the client declared (UNSIGNED-PAYLOAD, STREAMING-…). */
  payloadHash: string;
  /**
   * Serialise a query parameter named `__proto__` as @smithy/signature-v4 does: it builds the
   * canonical query in a plain object, where that name reads back Object.prototype, so the JS
   * SDK signs `[object Object]` in its place. Only tried when the spec's form did not match.
   */
  jsSdkProtoQuirk?: boolean;
  /** 20260101T120000Z */
  amzDate: string;
  region: string;
  service: string;
  secretAccessKey: string;
}

/** The hex signature a client holding `secretAccessKey` would have sent. */
export function headerSignature(input: HeaderSigningInput): string {
  const shortDate = input.amzDate.slice(0, 8);
  const scope = `${shortDate}/${input.region}/${input.service}/aws4_request`;
  const canonical = canonicalRequest(input);
  const stringToSign = `AWS4-HMAC-SHA256\n${input.amzDate}\n${scope}\n${sha256Hex(canonical)}`;
  return createHmac('sha256', signingKey(input.secretAccessKey, shortDate, input.region, input.service))
    .update(stringToSign)
    .digest('hex');
}

export function sha256Hex(data: string | Buffer): string {
  return digestHex('sha256', data);
}

function canonicalRequest(input: HeaderSigningInput): string {
  const names = canonicalHeaderNames(input.signedHeaders, input.headers);
  let headerLines = '';
  for (const name of names) {
    const raw = name === 'x-amz-date' ? input.amzDate : input.headers[name]!;
    headerLines += `${name}:${canonicalHeaderValue(Array.isArray(raw) ? raw.join(',') : raw)}\n`;
  }
  return `${input.method}\n${canonicalPath(input.rawPath, input.service)}\n${canonicalQuery(input.searchParams, input.jsSdkProtoQuirk === true)}\n${headerLines}\n${names.join(';')}\n${input.payloadHash}`;
}

/**
 * As the SDK's signer: it always signs its own X-Amz-Date, never Date or Authorization, and
 * leaves out a named header the request does not carry. Sorted and without repeats; the
 * SignedHeaders a client sends already are, so the usual case copies nothing.
 */
function canonicalHeaderNames(signed: readonly string[], headers: IncomingHttpHeaders): readonly string[] {
  let hasDate = false;
  let usable = true;
  for (let i = 0; i < signed.length && usable; i++) {
    const name = signed[i]!;
    if (name === 'x-amz-date') hasDate = true;
    usable =
      name !== 'date' &&
      name !== 'authorization' &&
      (name === 'x-amz-date' || headers[name] !== undefined) &&
      (i === 0 || signed[i - 1]! < name);
  }
  if (usable && hasDate) return signed;
  const names = new Set<string>(['x-amz-date']);
  for (const name of signed) {
    if (name !== 'date' && name !== 'authorization' && headers[name] !== undefined) names.add(name);
  }
  return [...names].sort();
}

/** Trimmed, each run of whitespace inside made one space (SigV4's canonical header value). */
function canonicalHeaderValue(value: string): string {
  const trimmed = value.trim();
  return /\s\s|[^\S ]/.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
}

/** S3 signs the path as sent; every other service its normalised segments, URI-escaped again. */
function canonicalPath(rawPath: string, service: string): string {
  if (service === 's3') return rawPath;
  if (rawPath === '/') return '/';
  const segments: string[] = [];
  for (const segment of rawPath.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const normalised = `${rawPath.startsWith('/') ? '/' : ''}${segments.join('/')}${segments.length > 0 && rawPath.endsWith('/') ? '/' : ''}`;
  return escapeUri(normalised).replace(/%2F/g, '/');
}

/** Pairs sorted by escaped name, repeated names by their escaped `name=value`. */
function canonicalQuery(params: URLSearchParams, protoQuirk: boolean): string {
  const byName = new Map<string, string[]>();
  for (const [k, v] of params) {
    if (k.toLowerCase() === 'x-amz-signature') continue;
    const name = escapeUri(k);
    const pair = `${name}=${escapeUri(v)}`;
    const list = byName.get(name);
    if (list) list.push(pair);
    else byName.set(name, [pair]);
  }
  if (byName.size === 0) return '';
  return [...byName.keys()]
    .sort()
    .map((name) => (protoQuirk && name === '__proto__' ? '[object Object]' : byName.get(name)!.sort().join('&')))
    .join('&');
}

/** RFC 3986 unreserved characters stay; everything else is percent-encoded. */
function escapeUri(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

// Derived keys change once a day per region and service: four HMACs saved on every request.
const signingKeys = new Map<string, Buffer>();

function signingKey(secret: string, shortDate: string, region: string, service: string): Buffer {
  const cacheKey = `${shortDate}\n${region}\n${service}\n${secret}`;
  let key = signingKeys.get(cacheKey);
  if (!key) {
    if (signingKeys.size >= 64) signingKeys.clear();
    const kDate = createHmac('sha256', `AWS4${secret}`).update(shortDate).digest();
    const kRegion = createHmac('sha256', kDate).update(region).digest();
    const kService = createHmac('sha256', kRegion).update(service).digest();
    key = createHmac('sha256', kService).update('aws4_request').digest();
    signingKeys.set(cacheKey, key);
  }
  return key;
}
