// Integrity checks on received bytes: Content-MD5 and the x-amz-checksum-* value a client
// declared. Computes the checksum when only the algorithm (or nothing: CRC64NVME, as S3
// does for every new object) is given.
import { createHash } from 'node:crypto';
import { S3Errors } from '../errors';
import { checksumOf } from './checksums';
import type { ChecksumAlgorithm, ObjectChecksum } from './types';

export interface DeclaredDigests {
  checksum?: { algorithm: ChecksumAlgorithm; value?: string };
  /** base64 */
  contentMd5?: string;
}

export function verifyDigests(body: Buffer, declared: DeclaredDigests): { md5: Buffer; checksum: ObjectChecksum } {
  const md5 = createHash('md5').update(body).digest();
  if (declared.contentMd5 !== undefined && declared.contentMd5 !== md5.toString('base64')) {
    throw Buffer.from(declared.contentMd5, 'base64').length !== 16
      ? S3Errors.invalidDigest()
      : S3Errors.badDigest('The Content-MD5 you specified did not match what we received.');
  }
  const algorithm = declared.checksum?.algorithm ?? 'CRC64NVME';
  const value = checksumOf(algorithm, body);
  if (declared.checksum?.value !== undefined && declared.checksum.value !== value) {
    throw S3Errors.badDigest(`The ${algorithm} you specified did not match the calculated checksum.`);
  }
  return { md5, checksum: { algorithm, value, type: 'FULL_OBJECT' } };
}
