// SigV4 verification over exactly the headers the client signed: header-signed requests by
// ./sigv4Header (synchronous, cached signing keys); presigned URLs by @smithy/signature-v4
// (the AWS SDK's own signer, loaded with the first presigned URL: most sessions never send one).
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { headerSignature, sha256Hex } from './sigv4Header';

export interface SigV4Scope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
  presigned: boolean;
  /** Presigned only: X-Amz-Date and X-Amz-Expires. */
  amzDate?: string;
  expires?: number;
}

const HEADER_RE =
  /^AWS4-HMAC-SHA256\s+Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request,\s*SignedHeaders=([^,]+),\s*Signature=([0-9a-f]+)\s*$/i;
/** Query parameters that presigning adds itself. */
const PRESIGN_PARAMS = new Set([
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Expires',
  'X-Amz-SignedHeaders',
  'X-Amz-Signature',
]);
const MAX_SKEW_MS = 15 * 60 * 1000;
/** X-Amz-Date's own form (20260101T120000Z): signed as sent, with no parse and format round trip. */
const BASIC_DATE_RE = /^\d{8}T\d{6}Z$/;

export type ScopeResult =
  { kind: 'none' } | { kind: 'malformed'; reason: string; code?: string } | { kind: 'scope'; scope: SigV4Scope };

/** Reads the credential scope from an Authorization header or presigned query, without verifying. */
export function parseScope(headers: IncomingHttpHeaders, query: URLSearchParams): ScopeResult {
  const auth = headers.authorization;
  if (typeof auth === 'string' && auth.length > 0) {
    const m = HEADER_RE.exec(auth);
    if (!m)
      return {
        kind: 'malformed',
        reason: 'Authorization header requires a valid AWS4-HMAC-SHA256 Credential, SignedHeaders and Signature.',
      };
    return {
      kind: 'scope',
      scope: {
        accessKeyId: m[1]!,
        date: m[2]!,
        region: m[3]!,
        service: m[4]!,
        signedHeaders: m[5]!.split(';'),
        signature: m[6]!.toLowerCase(),
        presigned: false,
      },
    };
  }
  const credential = query.get('X-Amz-Credential');
  if (credential) {
    const parts = credential.split('/');
    const signature = query.get('X-Amz-Signature');
    const signedHeaders = query.get('X-Amz-SignedHeaders');
    if (
      parts.length !== 5 ||
      parts[4] !== 'aws4_request' ||
      !signature ||
      !signedHeaders ||
      query.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256'
    ) {
      return {
        kind: 'malformed',
        reason: 'Presigned URL requires X-Amz-Algorithm, X-Amz-Credential, X-Amz-SignedHeaders and X-Amz-Signature.',
      };
    }
    const expiresProblem = presignExpiresProblem(query.get('X-Amz-Expires'));
    if (expiresProblem) return { kind: 'malformed', reason: expiresProblem, code: 'AuthorizationQueryParametersError' };
    return {
      kind: 'scope',
      scope: {
        accessKeyId: parts[0]!,
        date: parts[1]!,
        region: parts[2]!,
        service: parts[3]!,
        signedHeaders: signedHeaders.split(';'),
        signature: signature.toLowerCase(),
        presigned: true,
        amzDate: query.get('X-Amz-Date') ?? undefined,
        expires: Number(query.get('X-Amz-Expires') ?? '0'),
      },
    };
  }
  return { kind: 'none' };
}

/**
 * S3 refuses a presigned URL whose X-Amz-Expires is not a whole number of seconds from 0 to
 * 604,800 (a week) with 400 AuthorizationQueryParametersError and these messages (S3's
 * answers as recorded by S3-compatible servers — MinIO's ErrMaximumExpires, OpenStack Swift's
 * s3api — read 2026-12-03; AWS's "Sharing objects with presigned URLs" gives the 7-day limit).
 */
function presignExpiresProblem(value: string | null): string | undefined {
  if (value === null) return undefined;
  if (!/^-?\d+$/.test(value)) return 'X-Amz-Expires should be a number';
  const n = Number(value);
  if (n < 0) return 'X-Amz-Expires must be non-negative';
  if (n > 604_800)
    return 'X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds';
  return undefined;
}

export interface VerifyInput {
  method: string;
  rawPath: string;
  searchParams: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Undefined when verifying from the headers alone (see signsPayloadHash), before the body is read. */
  body: Buffer | undefined;
  scope: SigV4Scope;
  secretAccessKey: string;
  now?: Date;
}

export type VerifyResult =
  | { ok: true }
  | {
      ok: false;
      code: 'SignatureDoesNotMatch' | 'RequestExpired' | 'RequestTimeTooSkewed' | 'AccessDenied';
      message: string;
    };

/**
 * Verifies a request: a header-signed one (every SDK call) synchronously, a presigned URL with
 * the SDK's own signer. Only the presigned case returns a promise, so the common path neither
 * allocates one nor waits a turn for it.
 */
export function verifySignature(input: VerifyInput): VerifyResult | Promise<VerifyResult> {
  const { scope } = input;
  const amzDate = scope.presigned
    ? scope.amzDate
    : (headerValue(input.headers['x-amz-date']) ?? headerValue(input.headers.date));
  const signingDate = parseAmzDate(amzDate);
  if (signingDate === undefined)
    return { ok: false, code: 'AccessDenied', message: 'The request has no valid X-Amz-Date.' };
  const now = input.now?.getTime() ?? Date.now();
  if (scope.presigned) {
    if (now > signingDate + (scope.expires ?? 0) * 1000) {
      return { ok: false, code: 'AccessDenied', message: 'Request has expired' };
    }
  } else if (Math.abs(now - signingDate) > MAX_SKEW_MS) {
    return {
      ok: false,
      code: 'RequestTimeTooSkewed',
      message: 'The difference between the request time and the current time is too large.',
    };
  }
  if (input.body !== undefined && !payloadHashMatches(scope, input.headers, input.body)) {
    return {
      ok: false,
      code: 'SignatureDoesNotMatch',
      message: 'The x-amz-content-sha256 header does not match the SHA-256 of the request body.',
    };
  }
  const signedNames = lowerCased(scope.signedHeaders);
  if (scope.presigned) return verifyPresigned(input, signedNames, signingDate);
  // A declared payload hash is what the client signed, when it signed that header (and all
  // the signer looks at when the body is not read yet); otherwise the body's own hash.
  const declaredHash = headerValue(input.headers['x-amz-content-sha256']);
  const payloadHash =
    declaredHash !== undefined && signedNames.includes('x-amz-content-sha256')
      ? declaredHash
      : sha256Hex(input.body ?? Buffer.alloc(0));
  const signing = {
    method: input.method,
    rawPath: input.rawPath,
    searchParams: input.searchParams,
    headers: input.headers,
    signedHeaders: signedNames,
    payloadHash,
    amzDate: amzDate !== undefined && BASIC_DATE_RE.test(amzDate) ? amzDate : formatAmzDate(new Date(signingDate)),
    region: scope.region,
    service: scope.service,
    secretAccessKey: input.secretAccessKey,
  };
  const verdict = signaturesMatch(headerSignature(signing), scope.signature);
  if (verdict.ok || !input.searchParams.has('__proto__')) return verdict;
  return signaturesMatch(headerSignature({ ...signing, jsSdkProtoQuirk: true }), scope.signature);
}

/** SignedHeaders as sent when already lower case (an SDK's always are), else a lower-cased copy. */
function lowerCased(names: string[]): string[] {
  for (const name of names) if (name !== name.toLowerCase()) return names.map((h) => h.toLowerCase());
  return names;
}

async function verifyPresigned(input: VerifyInput, signedNames: string[], signingDate: number): Promise<VerifyResult> {
  const { scope } = input;
  const signed = new Set(signedNames);
  const headers: Record<string, string> = {};
  for (const name of signed) {
    const value = input.headers[name];
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const query = Object.create(null) as Record<string, string | string[]>; // `constructor=1` is a parameter, not Object.prototype's
  for (const [k, v] of input.searchParams) {
    if (PRESIGN_PARAMS.has(k)) continue;
    const prev = query[k];
    query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  const signer = (await import('./presignSigner')).signerFor(scope, input.secretAccessKey);
  const request = {
    method: input.method,
    protocol: 'http:',
    hostname: 'localhost',
    path: input.rawPath,
    query,
    headers,
    body: input.body,
  };
  // Presigned S3 URLs sign UNSIGNED-PAYLOAD unless the client hoisted a hash; other
  // services sign the hash of the (usually empty) body.
  const payload =
    input.searchParams.get('X-Amz-Content-Sha256') ??
    (scope.service === 's3' ? 'UNSIGNED-PAYLOAD' : sha256Hex(input.body ?? Buffer.alloc(0)));
  const presigned = await signer.presign(
    { ...request, headers: { ...headers, 'x-amz-content-sha256': payload } },
    {
      signingDate: new Date(signingDate),
      expiresIn: scope.expires,
      signableHeaders: signed,
      unsignableHeaders: new Set(['x-amz-content-sha256']),
      unhoistableHeaders: new Set([...signed, 'x-amz-content-sha256']),
    },
  );
  return signaturesMatch(String(presigned.query?.['X-Amz-Signature'] ?? ''), scope.signature);
}

const VERIFIED: VerifyResult = { ok: true };

function signaturesMatch(expected: string, given: string): VerifyResult {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  if (a.length === b.length && timingSafeEqual(a, b)) return VERIFIED;
  return {
    ok: false,
    code: 'SignatureDoesNotMatch',
    message:
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
  };
}

/** 20260101T120000Z, the form the signature's string to sign carries. */
function formatAmzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/**
 * Whether the signature covers the payload through a signed x-amz-content-sha256 header (S3
 * always; UNSIGNED-PAYLOAD and STREAMING-… included) or is a presigned S3 URL: then it can be
 * verified from the headers before the body is read.
 */
export function signsPayloadHash(scope: SigV4Scope): boolean {
  if (scope.presigned) return scope.service === 's3';
  return scope.signedHeaders.some((h) => h.toLowerCase() === 'x-amz-content-sha256');
}

/**
 * The signer trusts a declared payload hash, so it is checked against the body actually
 * received. S3 answers a mismatch itself, as AWS does: 400 XAmzContentSHA256Mismatch.
 */
export function payloadHashMatches(scope: SigV4Scope, headers: IncomingHttpHeaders, body: Buffer): boolean {
  const declaredHash = headerValue(headers['x-amz-content-sha256']);
  if (scope.presigned || scope.service === 's3' || !declaredHash || !/^[0-9a-f]{64}$/i.test(declaredHash)) return true;
  return declaredHash.toLowerCase() === sha256Hex(body);
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** Milliseconds since the epoch of X-Amz-Date (20260101T120000Z) or an HTTP Date header. */
function parseAmzDate(value: string | undefined): number | undefined {
  if (!value) return undefined;
  if (BASIC_DATE_RE.test(value)) {
    const d = (from: number, to: number) => Number(value.slice(from, to));
    return Date.UTC(d(0, 4), d(4, 6) - 1, d(6, 8), d(9, 11), d(11, 13), d(13, 15));
  }
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? undefined : ms;
}
