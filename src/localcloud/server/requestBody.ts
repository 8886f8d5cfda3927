// Request bodies are bounded per service before they are read: a declared Content-Length over
// the bound is refused on the headers alone, and a chunked body is cut off at the bound, so a
// client cannot make the local cloud hold more than one bound's worth of memory per request.
import type { IncomingMessage } from 'node:http';
import { AwsError } from './errors';

const MiB = 1024 * 1024;

/**
 * Largest body each service takes. Sources (read 2026-12-03):
 * - Lambda quotas, https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html:
 *   50 MB zipped for a direct upload (a JSON `ZipFile` is base64: 4/3 of it), 6 MB invoke payload.
 * - SQS: MaximumMessageSize up to 1,048,576 bytes (1 MiB) per message and per batch; JSON
 *   escaping can grow a body, hence 4 MiB.
 * - Step Functions: definitions up to 1 MB, inputs 256 KiB; CloudWatch Logs PutLogEvents 1 MiB.
 * - API Gateway: 10 MB payload (also the bound for every unsigned data-plane request here).
 * - S3 PutObject takes up to 5 GB; the local cloud holds a body in memory, so 1 GiB.
 */
const SERVICE_LIMITS: Record<string, number> = {
  lambda: 70 * MiB,
  sqs: 4 * MiB,
  states: 4 * MiB,
  logs: 4 * MiB,
  s3: 1024 * MiB,
};
export const DEFAULT_LIMIT = 10 * MiB;
/** Function URLs (6 MB), API Gateway invoke (10 MB), S3 form uploads and preflights. */
export const UNSIGNED_DATA_PLANE_LIMIT = 10 * MiB;

export function bodyLimit(service: string | undefined): number {
  return (service && SERVICE_LIMITS[service]) || DEFAULT_LIMIT;
}

/** S3 error codes: EntityTooLarge, 400, "Your proposed upload exceeds the maximum allowed object size." */
export class EntityTooLarge extends AwsError {
  constructor(message: string, maxSizeAllowed?: number) {
    super('EntityTooLarge', message, 400, { fields: { MaxSizeAllowed: maxSizeAllowed } });
  }
  static overLimit(limit: number): EntityTooLarge {
    return new EntityTooLarge(`Your proposed upload exceeds the maximum allowed size (${limit} bytes).`, limit);
  }
}
/** Lambda's name for a request over its size limit (413). */
export class RequestEntityTooLargeException extends AwsError {
  constructor(limit: number) {
    super('RequestEntityTooLargeException', `Request must be smaller than ${limit} bytes.`, 413);
  }
}
/** Every other service's (413). */
export class BodyTooLarge extends AwsError {
  constructor(limit: number) {
    super('RequestEntityTooLarge', `The request body must be smaller than ${limit} bytes.`, 413);
  }
}

/** The error for a body over `limit`, shaped as the service answers it. */
export function tooLarge(service: string | undefined, limit: number): AwsError {
  if (service === 's3') return EntityTooLarge.overLimit(limit);
  if (service === 'lambda') return new RequestEntityTooLargeException(limit);
  return new BodyTooLarge(limit);
}

/** Content-Length when declared; undefined for chunked bodies. */
export function declaredLength(req: IncomingMessage): number | undefined {
  const raw = req.headers['content-length'];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** Reads the whole body, failing with `tooLarge` as soon as it passes `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number, onTooLarge: () => AwsError): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        chunks.length = 0;
        reject(onTooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks, size)));
    req.on('error', reject);
  });
}
