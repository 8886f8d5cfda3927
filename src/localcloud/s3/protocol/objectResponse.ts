// The headers GetObject and HeadObject answer with, from a stored object.
import type { AwsRequest } from '../../server/types';
import type { S3Object } from '../model/types';
import { header, queryString } from './requestHeaders';

/** GetObject's response-* query parameters override the stored headers (presigned downloads use them). */
const OVERRIDES: Array<[string, string]> = [
  ['response-content-type', 'content-type'],
  ['response-content-language', 'content-language'],
  ['response-expires', 'expires'],
  ['response-cache-control', 'cache-control'],
  ['response-content-disposition', 'content-disposition'],
  ['response-content-encoding', 'content-encoding'],
];

export function objectHeaders(req: AwsRequest, object: S3Object, options: { whole: boolean }): Record<string, string> {
  const h: Record<string, string> = {
    etag: object.etag,
    'last-modified': new Date(object.lastModified).toUTCString(),
    'content-type': object.headers.contentType,
    'accept-ranges': 'bytes',
  };
  const optional: Array<[string, string | undefined]> = [
    ['content-encoding', object.headers.contentEncoding],
    ['content-disposition', object.headers.contentDisposition],
    ['content-language', object.headers.contentLanguage],
    ['cache-control', object.headers.cacheControl],
    ['expires', object.headers.expires],
  ];
  for (const [name, value] of optional) if (value !== undefined) h[name] = value;
  for (const [name, value] of Object.entries(object.metadata)) h[`x-amz-meta-${name}`] = value;
  if (object.storageClass !== 'STANDARD') h['x-amz-storage-class'] = object.storageClass;
  const tagCount = Object.keys(object.tags ?? {}).length;
  if (tagCount > 0) h['x-amz-tagging-count'] = String(tagCount);
  if (object.partsCount && queryString(req, 'partNumber')) h['x-amz-mp-parts-count'] = String(object.partsCount);
  const checksumMode =
    (header(req, 'x-amz-checksum-mode') ?? queryString(req, 'x-amz-checksum-mode'))?.toUpperCase() === 'ENABLED';
  // A checksum describes the whole object, so ranged reads do not carry it.
  if (checksumMode && options.whole && object.checksum) {
    h[`x-amz-checksum-${object.checksum.algorithm.toLowerCase()}`] = object.checksum.value;
    h['x-amz-checksum-type'] = object.checksum.type;
  }
  for (const [param, name] of OVERRIDES) {
    const value = queryString(req, param);
    if (value !== undefined) h[name] = value;
  }
  return h;
}
