// S3's general-purpose bucket naming rules and the object key limit.
import { InvalidArgument, InvalidBucketName, KeyTooLongError } from '../errors';

const NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const IP_ADDRESS = /^\d{1,3}(\.\d{1,3}){3}$/;
const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

export function isValidBucketName(name: string): boolean {
  return (
    NAME.test(name) &&
    !name.includes('..') &&
    !IP_ADDRESS.test(name) &&
    !RESERVED_PREFIXES.some((p) => name.startsWith(p)) &&
    !RESERVED_SUFFIXES.some((s) => name.endsWith(s))
  );
}

export function assertValidBucketName(name: string): void {
  if (!isValidBucketName(name)) throw new InvalidBucketName(name);
}

export function assertValidKey(key: string): void {
  if (Buffer.byteLength(key) > 1024) throw new KeyTooLongError();
  if (key.length === 0) throw new InvalidArgument('An object key must not be empty.', 'key', key);
}
