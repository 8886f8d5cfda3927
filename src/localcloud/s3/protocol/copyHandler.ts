// CopyObject: x-amz-copy-source, the metadata directive, and copy-source conditions.
import { S3Errors } from '../errors';
import { taggingHeader } from './objectHandlers';
import { parseAlgorithm } from './payload';
import { header, metadataOf, objectHeadersOf } from './requestHeaders';
import { xmlResponse, type S3Call, type S3Handler } from './s3Call';
import { isoDate } from './xml';

export function parseCopySource(value: string): { bucket: string; key: string } {
  let decoded: string;
  try {
    decoded = decodeURIComponent(value.split('?')[0]!);
  } catch {
    throw S3Errors.invalidArgument('Invalid copy source encoding', 'x-amz-copy-source', value);
  }
  const path = decoded.startsWith('/') ? decoded.slice(1) : decoded;
  const slash = path.indexOf('/');
  if (slash <= 0 || slash === path.length - 1) {
    throw S3Errors.invalidArgument('Invalid copy source object key', 'x-amz-copy-source', value);
  }
  return { bucket: path.slice(0, slash), key: path.slice(slash + 1) };
}

function checkSourceConditions(call: S3Call, etag: string, lastModified: number): void {
  const bare = etag.replace(/"/g, '');
  const ifMatch = header(call.req, 'x-amz-copy-source-if-match');
  const ifNoneMatch = header(call.req, 'x-amz-copy-source-if-none-match');
  const modifiedSince = Date.parse(header(call.req, 'x-amz-copy-source-if-modified-since') ?? '');
  const unmodifiedSince = Date.parse(header(call.req, 'x-amz-copy-source-if-unmodified-since') ?? '');
  const seconds = Math.floor(lastModified / 1000) * 1000;
  const etagIn = (list: string) => list.split(',').some((e) => ['*', bare].includes(e.trim().replace(/"/g, '')));
  if (ifMatch !== undefined && !etagIn(ifMatch)) throw S3Errors.preconditionFailed('x-amz-copy-source-If-Match');
  if (ifMatch === undefined && !Number.isNaN(unmodifiedSince) && seconds > unmodifiedSince) throw S3Errors.preconditionFailed('x-amz-copy-source-If-Unmodified-Since');
  if (ifNoneMatch !== undefined && etagIn(ifNoneMatch)) throw S3Errors.preconditionFailed('x-amz-copy-source-If-None-Match');
  if (ifNoneMatch === undefined && !Number.isNaN(modifiedSince) && seconds <= modifiedSince) throw S3Errors.preconditionFailed('x-amz-copy-source-If-Modified-Since');
}

export const copyObject: S3Handler = async (call) => {
  const source = parseCopySource(header(call.req, 'x-amz-copy-source')!);
  const directive = (header(call.req, 'x-amz-metadata-directive') ?? 'COPY').toUpperCase();
  if (directive !== 'COPY' && directive !== 'REPLACE') {
    throw S3Errors.invalidArgument('Unknown metadata directive.', 'x-amz-metadata-directive', directive);
  }
  const sourceObject = call.s3.object(source.bucket, source.key);
  checkSourceConditions(call, sourceObject.etag, sourceObject.lastModified);
  const tagDirective = (header(call.req, 'x-amz-tagging-directive') ?? 'COPY').toUpperCase();
  if (tagDirective !== 'COPY' && tagDirective !== 'REPLACE') throw S3Errors.invalidArgument('Unknown tagging directive.', 'x-amz-tagging-directive', tagDirective);
  const algorithm = header(call.req, 'x-amz-checksum-algorithm');
  const object = await call.s3.copyObject(
    {
      source, bucket: call.bucket, key: call.key,
      replace: directive === 'REPLACE' ? { headers: objectHeadersOf(call.req), metadata: metadataOf(call.req) } : undefined,
      checksumAlgorithm: algorithm ? parseAlgorithm(algorithm) : undefined,
      storageClass: header(call.req, 'x-amz-storage-class'),
      replaceTags: tagDirective === 'REPLACE' ? (taggingHeader(call) ?? {}) : undefined,
    },
    call.requester,
  );
  const checksum = object.checksum ? { [`Checksum${object.checksum.algorithm}`]: object.checksum.value, ChecksumType: object.checksum.type } : {};
  return xmlResponse('CopyObjectResult', { ETag: object.etag, LastModified: isoDate(object.lastModified), ...checksum });
};
