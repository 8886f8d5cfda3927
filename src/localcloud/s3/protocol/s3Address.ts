// Which bucket and key a request names: path-style (/bucket/key) or virtual-host style
// ({bucket}.s3.localhost:PORT/key, also {bucket}.s3.{region}.localhost).
import { hostName } from '../../server/hostCheck';
import { InvalidArgument } from '../errors';

export interface S3Address {
  bucket?: string;
  key?: string;
  hostStyle: boolean;
}

const HOST_STYLE = /^(.+)\.s3(?:\.[a-z0-9-]+)?\.localhost$/;

/** The bucket named by a virtual-host style Host header, if any. */
export function hostStyleBucket(host: string): string | undefined {
  return HOST_STYLE.exec(hostName(host))?.[1];
}

/**
 * Whether an unsigned request may be S3's at all: a bucket host, or a plain local host.
 * Other `*.localhost` names belong to other services (`{api}.execute-api.localhost`,
 * `{url}.lambda-url.{region}.localhost`), whatever their path.
 */
export function isS3Host(host: string): boolean {
  const name = hostName(host);
  return (
    hostStyleBucket(host) !== undefined || !name.endsWith('.localhost') || /^s3(\.[a-z0-9-]+)?\.localhost$/.test(name)
  );
}

export function resolveAddress(host: string, rawPath: string): S3Address {
  const hostBucket = hostStyleBucket(host);
  const path = rawPath.startsWith('/') ? rawPath.slice(1) : rawPath;
  if (hostBucket) return { bucket: hostBucket, key: decode(path) || undefined, hostStyle: true };
  if (!path) return { hostStyle: false };
  const slash = path.indexOf('/');
  if (slash === -1) return { bucket: decode(path), hostStyle: false };
  return { bucket: decode(path.slice(0, slash)), key: decode(path.slice(slash + 1)) || undefined, hostStyle: false };
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new InvalidArgument('The request path is not valid percent-encoded UTF-8.', 'uri', segment);
  }
}
