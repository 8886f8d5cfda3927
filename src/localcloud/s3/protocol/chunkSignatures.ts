// Verifies the per-chunk signatures of STREAMING-AWS4-HMAC-SHA256-PAYLOAD(-TRAILER) bodies:
// each chunk is signed over the previous signature, starting from the request's own.
import { createHash, createHmac } from 'node:crypto';
import type { AwsRequest } from '../../server/types';
import { SignatureDoesNotMatch } from '../errors';
import type { DecodedChunks } from './awsChunked';
import { signingKey } from './signingKey';

const EMPTY_SHA256 = createHash('sha256').digest('hex');
const AUTH_RE = /Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request,.*Signature=([0-9a-f]+)/i;

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

export function verifyChunkSignatures(
  req: AwsRequest,
  decoded: DecodedChunks,
  secretAccessKey: string,
  withTrailer: boolean,
): void {
  const auth = AUTH_RE.exec(String(req.headers.authorization ?? ''));
  const amzDate = String(req.headers['x-amz-date'] ?? '');
  if (!auth || !amzDate) throw mismatch();
  const [, , date, region, service, seed] = auth as unknown as [string, string, string, string, string, string];
  const scope = `${date}/${region}/${service}/aws4_request`;
  const key = signingKey(secretAccessKey, date, region, service);
  let previous = seed.toLowerCase();
  for (const chunk of decoded.chunks) {
    const toSign = ['AWS4-HMAC-SHA256-PAYLOAD', amzDate, scope, previous, EMPTY_SHA256, sha256(chunk.data)].join('\n');
    const expected = createHmac('sha256', key).update(toSign).digest('hex');
    if (chunk.signature?.toLowerCase() !== expected) throw mismatch();
    previous = expected;
  }
  if (!withTrailer) return;
  const trailerText = decoded.trailers.map(([n, v]) => `${n}:${v}\n`).join('');
  const toSign = ['AWS4-HMAC-SHA256-TRAILER', amzDate, scope, previous, sha256(trailerText)].join('\n');
  if (decoded.trailerSignature?.toLowerCase() !== createHmac('sha256', key).update(toSign).digest('hex'))
    throw mismatch();
}

function mismatch(): SignatureDoesNotMatch {
  return new SignatureDoesNotMatch(
    'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
  );
}
