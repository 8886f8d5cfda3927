// Integrity checks on received bytes: Content-MD5 and the x-amz-checksum-* value a client
// declared. Computes the checksum when only the algorithm (or nothing: CRC64NVME, as S3
// does for every new object) is given.
import { createHash } from 'node:crypto';
import { BadDigest, InvalidDigest } from '../errors';
import { checksumOf } from './checksums';
import type { ChecksumAlgorithm, ObjectChecksum } from './types';

export interface DeclaredDigests {
  checksum?: { algorithm: ChecksumAlgorithm; value?: string };
  /** base64 */
  contentMd5?: string;
}

export function verifyDigests(body: Buffer, declared: DeclaredDigests): { md5: Buffer; checksum: ObjectChecksum } {
  const md5 = verifiedMd5(body, declared.contentMd5);
  const algorithm = declared.checksum?.algorithm ?? 'CRC64NVME';
  return {
    md5,
    checksum: { algorithm, value: verifiedChecksum(algorithm, body, declared.checksum?.value), type: 'FULL_OBJECT' },
  };
}

/** The body's MD5, after checking it against a base64 Content-MD5 when one was sent. */
export function verifiedMd5(body: Buffer, contentMd5: string | undefined): Buffer {
  const md5 = createHash('md5').update(body).digest();
  if (contentMd5 !== undefined && contentMd5 !== md5.toString('base64')) {
    throw Buffer.from(contentMd5, 'base64').length !== 16
      ? new InvalidDigest()
      : new BadDigest('The Content-MD5 you specified did not match what we received.');
  }
  return md5;
}

/** The body's checksum (base64), after checking it against the value the client declared, if any. */
export function verifiedChecksum(
  algorithm: ChecksumAlgorithm,
  body: Buffer,
  declaredValue: string | undefined,
): string {
  const value = checksumOf(algorithm, body);
  if (declaredValue !== undefined && declaredValue !== value) {
    throw new BadDigest(`The ${algorithm} you specified did not match the calculated checksum.`);
  }
  return value;
}
