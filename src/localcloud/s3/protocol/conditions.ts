// Conditional requests (If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since) and
// byte ranges, evaluated as S3 does.
import type { AwsRequest } from '../../server/types';
import { InvalidRange, PreconditionFailed } from '../errors';
import type { S3Object } from '../model/types';
import { header } from './requestHeaders';

/** Returns 'not-modified' for a 304; throws PreconditionFailed for a 412. */
export function evaluateConditions(req: AwsRequest, object: S3Object): 'ok' | 'not-modified' {
  const outcome = conditionOutcome((name) => header(req, name.toLowerCase()), object);
  if (outcome.failed) throw new PreconditionFailed(outcome.failed);
  return outcome.notModified ? 'not-modified' : 'ok';
}

/**
 * Which of If-Match, If-None-Match, If-Modified-Since and If-Unmodified-Since (read through
 * `get`, by these names) does not hold: `failed` is a 412, `notModified` a 304 on a read.
 */
export function conditionOutcome(
  get: (name: string) => string | undefined,
  object: Pick<S3Object, 'etag' | 'lastModified'>,
): { failed?: string; notModified?: string } {
  const ifMatch = get('If-Match');
  const ifNoneMatch = get('If-None-Match');
  const ifModifiedSince = httpDate(get('If-Modified-Since'));
  const ifUnmodifiedSince = httpDate(get('If-Unmodified-Since'));
  const modifiedSeconds = Math.floor(object.lastModified / 1000);

  // If-Match true wins over If-Unmodified-Since false, and If-None-Match false over If-Modified-Since true.
  if (ifMatch !== undefined) {
    if (!etagListMatches(ifMatch, object.etag)) return { failed: 'If-Match' };
  } else if (ifUnmodifiedSince !== undefined && modifiedSeconds > ifUnmodifiedSince) {
    return { failed: 'If-Unmodified-Since' };
  }
  if (ifNoneMatch !== undefined) {
    if (etagListMatches(ifNoneMatch, object.etag)) return { notModified: 'If-None-Match' };
  } else if (ifModifiedSince !== undefined && modifiedSeconds <= ifModifiedSince) {
    return { notModified: 'If-Modified-Since' };
  }
  return {};
}

function etagListMatches(list: string, etag: string): boolean {
  const bare = etag.replace(/"/g, '');
  return list.split(',').some((candidate) => {
    const c = candidate.trim().replace(/^W\//, '').replace(/"/g, '');
    return c === '*' || c === bare;
  });
}

/** Seconds since the epoch, or undefined for a missing or unparsable date (S3 ignores those). */
function httpDate(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

export interface ByteRange {
  start: number;
  /** Inclusive. */
  end: number;
}

/** Parses `bytes=a-b`, `bytes=a-`, `bytes=-n`. Undefined: no usable range, send the whole object. */
export function parseRange(value: string | undefined, size: number): ByteRange | undefined {
  if (!value) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(value.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) throw new InvalidRange(value, size);
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (m[2] !== '' && Number(m[2]) < start) return undefined;
  if (start >= size) throw new InvalidRange(value, size);
  return { start, end };
}
