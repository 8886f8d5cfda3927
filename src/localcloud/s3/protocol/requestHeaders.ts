// Header access and the object attributes a request carries (Content-Type, x-amz-meta-* …).
import type { AwsRequest } from '../../server/types';
import { MetadataTooLarge } from '../errors';
import type { ObjectHeaders } from '../model/types';

export function header(req: AwsRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

export function queryString(req: AwsRequest, name: string): string | undefined {
  const v = req.query[name];
  return Array.isArray(v) ? v[0] : v;
}

export function hasQuery(req: AwsRequest, name: string): boolean {
  return req.searchParams.has(name);
}

/** Standard headers stored with an object. `aws-chunked` is a transfer detail, not stored. */
export function objectHeadersOf(req: AwsRequest): ObjectHeaders {
  const encoding = header(req, 'content-encoding')
    ?.split(',')
    .map((e) => e.trim())
    .filter((e) => e && e.toLowerCase() !== 'aws-chunked')
    .join(', ');
  return {
    contentType: header(req, 'content-type') ?? 'binary/octet-stream',
    contentEncoding: encoding || undefined,
    contentDisposition: header(req, 'content-disposition'),
    contentLanguage: header(req, 'content-language'),
    cacheControl: header(req, 'cache-control'),
    expires: header(req, 'expires'),
  };
}

/** User metadata may total 2 KB (names and values, UTF-8), as on S3. */
const MAX_METADATA_BYTES = 2048;

/** x-amz-meta-* headers, names without the prefix. */
export function metadataOf(req: AwsRequest): Record<string, string> {
  // No prototype: user-chosen names such as `__proto__` or `constructor` are plain keys.
  const metadata = Object.create(null) as Record<string, string>;
  let size = 0;
  for (const [name, value] of Object.entries(req.headers)) {
    if (!name.startsWith('x-amz-meta-') || value === undefined) continue;
    const key = name.slice('x-amz-meta-'.length);
    metadata[key] = Array.isArray(value) ? value.join(',') : value;
    size += Buffer.byteLength(key) + Buffer.byteLength(metadata[key]);
  }
  if (size > MAX_METADATA_BYTES) throw new MetadataTooLarge(size);
  return metadata;
}
