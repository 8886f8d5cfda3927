// An upload's bytes and the checksum the client declared for them: plain bodies (checked
// against x-amz-content-sha256 and Content-MD5 later), aws-chunked bodies (decoded, chunk
// signatures verified) and x-amz-checksum-* in headers, presigned query or trailers.
import { createHash } from 'node:crypto';
import type { AwsRequest, CloudContext } from '../../server/types';
import { IncompleteBody, InvalidRequest, XAmzContentSHA256Mismatch } from '../errors';
import { CHECKSUM_ALGORITHMS, type ChecksumAlgorithm } from '../model/types';
import { decodeAwsChunked } from './awsChunked';
import { verifyChunkSignatures } from './chunkSignatures';
import { header } from './requestHeaders';

export interface UploadPayload {
  body: Buffer;
  checksum?: { algorithm: ChecksumAlgorithm; value?: string };
  contentMd5?: string;
}

const SIGNED_STREAMING = new Set(['STREAMING-AWS4-HMAC-SHA256-PAYLOAD', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER']);
const UNSIGNED_STREAMING = 'STREAMING-UNSIGNED-PAYLOAD-TRAILER';

export function readUploadPayload(req: AwsRequest, ctx: CloudContext): UploadPayload {
  const contentSha = header(req, 'x-amz-content-sha256');
  let body = req.body;
  const found = new Map<ChecksumAlgorithm, string>();
  collectChecksums(found, (name) => header(req, name) ?? queryValue(req, name));

  if (contentSha && (SIGNED_STREAMING.has(contentSha) || contentSha === UNSIGNED_STREAMING)) {
    const decoded = decodeAwsChunked(req.body);
    // Chunk signatures are checked when the request was signed with the local cloud's own key.
    if (SIGNED_STREAMING.has(contentSha) && req.accessKeyId === ctx.credentials.accessKeyId) {
      verifyChunkSignatures(req, decoded, ctx.credentials.secretAccessKey, contentSha.endsWith('-TRAILER'));
    }
    body = decoded.body;
    const declared = header(req, 'x-amz-decoded-content-length');
    if (declared !== undefined && Number(declared) !== body.length) throw new IncompleteBody();
    const trailers = new Map(decoded.trailers);
    for (const name of (header(req, 'x-amz-trailer') ?? '')
      .split(',')
      .map((n) => n.trim().toLowerCase())
      .filter(Boolean)) {
      if (!trailers.has(name))
        throw new InvalidRequest(`The trailer ${name} was declared in x-amz-trailer but not sent.`);
    }
    collectChecksums(found, (name) => trailers.get(name));
  } else if (contentSha && /^[0-9a-f]{64}$/i.test(contentSha)) {
    const computed = createHash('sha256').update(body).digest('hex');
    if (computed !== contentSha.toLowerCase()) throw new XAmzContentSHA256Mismatch(contentSha, computed);
  }

  if (found.size > 1)
    throw new InvalidRequest('Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.');
  const algorithmHeader =
    header(req, 'x-amz-sdk-checksum-algorithm') ?? queryValue(req, 'x-amz-sdk-checksum-algorithm');
  let checksum: UploadPayload['checksum'];
  const [entry] = found;
  if (entry) checksum = { algorithm: entry[0], value: entry[1] };
  else if (algorithmHeader) checksum = { algorithm: parseAlgorithm(algorithmHeader) };
  return { body, checksum, contentMd5: header(req, 'content-md5') };
}

export function parseAlgorithm(value: string): ChecksumAlgorithm {
  const algorithm = value.toUpperCase() as ChecksumAlgorithm;
  if (!CHECKSUM_ALGORITHMS.includes(algorithm)) {
    throw new InvalidRequest(
      `Value for x-amz-checksum-algorithm header is invalid: ${value}. Use one of ${CHECKSUM_ALGORITHMS.join(', ')}.`,
    );
  }
  return algorithm;
}

function collectChecksums(found: Map<ChecksumAlgorithm, string>, lookup: (name: string) => string | undefined): void {
  for (const algorithm of CHECKSUM_ALGORITHMS) {
    const value = lookup(`x-amz-checksum-${algorithm.toLowerCase()}`);
    if (value !== undefined) found.set(algorithm, value);
  }
}

function queryValue(req: AwsRequest, name: string): string | undefined {
  return req.presigned ? (req.searchParams.get(name) ?? undefined) : undefined;
}
