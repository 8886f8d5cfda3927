// CopyObject: x-amz-copy-source, the metadata directive, and copy-source conditions.
import { InvalidArgument, PreconditionFailed } from '../errors';
import type { S3Object } from '../model/types';
import { conditionOutcome } from './conditions';
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
    throw new InvalidArgument('Invalid copy source encoding', 'x-amz-copy-source', value);
  }
  const path = decoded.startsWith('/') ? decoded.slice(1) : decoded;
  const slash = path.indexOf('/');
  if (slash <= 0 || slash === path.length - 1) {
    throw new InvalidArgument('Invalid copy source object key', 'x-amz-copy-source', value);
  }
  return { bucket: path.slice(0, slash), key: path.slice(slash + 1) };
}

/** The x-amz-copy-source-if-* headers: the read conditions, where each failure (a 304 too) is a 412. */
function checkSourceConditions(call: S3Call, source: S3Object): void {
  const outcome = conditionOutcome((name) => header(call.req, `x-amz-copy-source-${name.toLowerCase()}`), source);
  const failed = outcome.failed ?? outcome.notModified;
  if (failed) throw new PreconditionFailed(`x-amz-copy-source-${failed}`);
}

export const copyObject: S3Handler = async (call) => {
  const source = parseCopySource(header(call.req, 'x-amz-copy-source')!);
  const directive = (header(call.req, 'x-amz-metadata-directive') ?? 'COPY').toUpperCase();
  if (directive !== 'COPY' && directive !== 'REPLACE') {
    throw new InvalidArgument('Unknown metadata directive.', 'x-amz-metadata-directive', directive);
  }
  const sourceObject = call.s3.object(source.bucket, source.key);
  checkSourceConditions(call, sourceObject);
  const tagDirective = (header(call.req, 'x-amz-tagging-directive') ?? 'COPY').toUpperCase();
  if (tagDirective !== 'COPY' && tagDirective !== 'REPLACE')
    throw new InvalidArgument('Unknown tagging directive.', 'x-amz-tagging-directive', tagDirective);
  const algorithm = header(call.req, 'x-amz-checksum-algorithm');
  const object = await call.s3.copyObject(
    {
      source,
      bucket: call.bucket,
      key: call.key,
      replace:
        directive === 'REPLACE' ? { headers: objectHeadersOf(call.req), metadata: metadataOf(call.req) } : undefined,
      checksumAlgorithm: algorithm ? parseAlgorithm(algorithm) : undefined,
      storageClass: header(call.req, 'x-amz-storage-class'),
      replaceTags: tagDirective === 'REPLACE' ? (taggingHeader(call) ?? {}) : undefined,
    },
    call.requester,
  );
  const checksum = object.checksum
    ? { [`Checksum${object.checksum.algorithm}`]: object.checksum.value, ChecksumType: object.checksum.type }
    : {};
  return xmlResponse('CopyObjectResult', {
    ETag: object.etag,
    LastModified: isoDate(object.lastModified),
    ...checksum,
  });
};
