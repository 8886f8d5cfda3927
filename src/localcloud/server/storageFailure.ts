// Disk errors while making a change durable: the request is refused with a 503 in the
// service's own protocol (nothing is acknowledged) and the server keeps running.
import { AwsError, ServiceUnavailable } from './errors';

/** errno codes that mean "the disk cannot take this now", not a bug in the local cloud. */
const STORAGE_CODES = new Set(['ENOSPC', 'EDQUOT', 'EIO', 'EROFS', 'EFBIG', 'EMFILE', 'ENFILE']);

export function storageFailure(e: unknown): unknown {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (e instanceof AwsError || !code || !STORAGE_CODES.has(code)) return e;
  return new ServiceUnavailable(
    `The local cloud could not save this change to disk (${code}: ${(e as Error).message}); it was not made. Free some disk space and retry.`,
  );
}
