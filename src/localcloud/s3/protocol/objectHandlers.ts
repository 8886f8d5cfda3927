// Object operations: PutObject, GetObject, HeadObject, DeleteObject, DeleteObjects.
import { InvalidArgument, InvalidRequest, MalformedXML, NoSuchKey, NotImplemented } from '../errors';
import type { AwsResponse } from '../../server/types';
import { verifyDigests } from '../model/digests';
import type { WriteCondition } from '../model/s3Backend';
import { parseTaggingHeader } from '../model/tags';
import type { S3Object } from '../model/types';
import { evaluateConditions, parseRange } from './conditions';
import { objectHeaders } from './objectResponse';
import { readUploadPayload } from './payload';
import { header, metadataOf, objectHeadersOf, queryString } from './requestHeaders';
import { emptyResponse, xmlResponse, type S3Call, type S3Handler } from './s3Call';
import { list, parseXmlBody, text } from './xml';

/** Conditional writes: If-None-Match: * refuses to overwrite, If-Match needs the current ETag. */
function writeCondition(call: S3Call): WriteCondition | undefined {
  const ifNoneMatch = header(call.req, 'if-none-match');
  const ifMatch = header(call.req, 'if-match');
  if (ifNoneMatch === undefined && ifMatch === undefined) return undefined;
  if (ifNoneMatch !== undefined && ifNoneMatch.trim() !== '*')
    throw new NotImplemented('If-None-Match with an ETag on writes (only * is supported)');
  return { ifNoneMatchAny: ifNoneMatch !== undefined, ifMatch };
}

export function taggingHeader(call: S3Call): Record<string, string> | undefined {
  const value = header(call.req, 'x-amz-tagging');
  return value === undefined ? undefined : parseTaggingHeader(value);
}

export function checksumHeaders(object: Pick<S3Object, 'checksum'>): Record<string, string> {
  if (!object.checksum) return {};
  return {
    [`x-amz-checksum-${object.checksum.algorithm.toLowerCase()}`]: object.checksum.value,
    'x-amz-checksum-type': object.checksum.type,
  };
}

export const putObject: S3Handler = async (call) => {
  call.s3.bucket(call.bucket);
  const payload = readUploadPayload(call.req, call.ctx);
  const object = await call.s3.putObject(
    {
      bucket: call.bucket,
      key: call.key,
      body: payload.body,
      headers: objectHeadersOf(call.req),
      metadata: metadataOf(call.req),
      storageClass: header(call.req, 'x-amz-storage-class'),
      checksum: payload.checksum,
      contentMd5: payload.contentMd5,
      tags: taggingHeader(call),
      condition: writeCondition(call),
    },
    call.requester,
  );
  return emptyResponse(200, { etag: object.etag, ...checksumHeaders(object) });
};

async function readObject(call: S3Call, withBody: boolean): Promise<AwsResponse> {
  assertNullVersion(queryString(call.req, 'versionId'));
  const object = call.s3.object(call.bucket, call.key);
  if (evaluateConditions(call.req, object) === 'not-modified') {
    return emptyResponse(304, { etag: object.etag, 'last-modified': new Date(object.lastModified).toUTCString() });
  }
  const range = parseRange(header(call.req, 'range'), object.size);
  const headers = objectHeaders(call.req, object, { whole: range === undefined });
  const start = range?.start ?? 0;
  const end = range?.end ?? object.size - 1;
  headers['content-length'] = String(end - start + 1);
  if (range) headers['content-range'] = `bytes ${start}-${end}/${object.size}`;
  const status = range ? 206 : 200;
  if (!withBody || object.size === 0) return { status, headers };
  // Open before answering, so a concurrent overwrite cannot pull the file away mid-stream.
  const handle = await call.s3.blobs.open(object.blob, () => new NoSuchKey(call.key));
  return { status, headers, body: handle.createReadStream({ start, end, autoClose: true }) };
}

export const getObject: S3Handler = (call) => readObject(call, true);
export const headObject: S3Handler = (call) => readObject(call, false);

/** Buckets are unversioned: the only version id is `null`, which names the object itself. */
function assertNullVersion(versionId: string | undefined): void {
  if (versionId !== undefined && versionId !== 'null')
    throw new InvalidArgument('Invalid version id specified', 'versionId', versionId);
}

export const deleteObject: S3Handler = (call) => {
  assertNullVersion(queryString(call.req, 'versionId'));
  call.s3.deleteObject(call.bucket, call.key, call.requester);
  return emptyResponse(204);
};

export const deleteObjects: S3Handler = (call) => {
  call.s3.bucket(call.bucket);
  // The SDK sends a checksum (or Content-MD5) of the document; both are verified here.
  const payload = readUploadPayload(call.req, call.ctx);
  if (!payload.checksum?.value && !payload.contentMd5) {
    throw new InvalidRequest('Missing required header for this request: Content-MD5 or x-amz-checksum-*');
  }
  verifyDigests(payload.body, payload);
  const doc = parseXmlBody(payload.body, 'Delete');
  const quiet = text(doc, 'Quiet') === 'true';
  const objects = list(doc, 'Object');
  if (objects.length === 0 || objects.length > 1000) throw new MalformedXML();
  const deleted: Array<{ Key: string; VersionId?: string }> = [];
  const errors: Array<{ Key: string; VersionId?: string; Code: string; Message: string }> = [];
  for (const entry of objects) {
    const key = text(entry, 'Key');
    const versionId = text(entry, 'VersionId');
    if (key === undefined) throw new MalformedXML();
    if (versionId !== undefined && versionId !== 'null') {
      errors.push({
        Key: key,
        VersionId: versionId,
        Code: 'NoSuchVersion',
        Message: 'The specified version does not exist.',
      });
      continue;
    }
    call.s3.deleteObject(call.bucket, key, call.requester);
    if (!quiet) deleted.push({ Key: key, VersionId: versionId });
  }
  return xmlResponse('DeleteResult', {
    Deleted: deleted.length > 0 ? deleted : undefined,
    Error: errors.length > 0 ? errors : undefined,
  });
};
