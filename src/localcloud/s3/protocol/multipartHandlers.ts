// Multipart upload operations, as @aws-sdk/lib-storage drives them: CreateMultipartUpload,
// UploadPart, CompleteMultipartUpload, AbortMultipartUpload, ListParts, ListMultipartUploads.
import { InvalidArgument, InvalidRequest, MalformedXML } from '../errors';
import type { CompletedPartRef } from '../model/multipart';
import { CHECKSUM_ALGORITHMS } from '../model/types';
import { parseCopySource } from './copyHandler';
import { taggingHeader } from './objectHandlers';
import { parseAlgorithm, readUploadPayload } from './payload';
import { header, metadataOf, objectHeadersOf, queryString } from './requestHeaders';
import { emptyResponse, owner, xmlResponse, type S3Handler } from './s3Call';
import { isoDate, list, parseXmlBody, text } from './xml';

export const createMultipartUpload: S3Handler = (call) => {
  const algorithm = header(call.req, 'x-amz-checksum-algorithm');
  const type = header(call.req, 'x-amz-checksum-type')?.toUpperCase();
  if (type !== undefined && type !== 'FULL_OBJECT' && type !== 'COMPOSITE') {
    throw new InvalidRequest(`Value for x-amz-checksum-type header is invalid: ${type}. Use FULL_OBJECT or COMPOSITE.`);
  }
  if (type !== undefined && algorithm === undefined)
    throw new InvalidRequest(
      'The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.',
    );
  const upload = call.uploads.create({
    bucket: call.bucket,
    key: call.key,
    headers: objectHeadersOf(call.req),
    metadata: metadataOf(call.req),
    storageClass: header(call.req, 'x-amz-storage-class'),
    checksumAlgorithm: algorithm ? parseAlgorithm(algorithm) : undefined,
    checksumType: type as 'FULL_OBJECT' | 'COMPOSITE' | undefined,
    tags: taggingHeader(call),
  });
  const headers: Record<string, string> = {};
  if (upload.checksumAlgorithm) {
    headers['x-amz-checksum-algorithm'] = upload.checksumAlgorithm;
    headers['x-amz-checksum-type'] = upload.checksumType!;
  }
  return xmlResponse(
    'InitiateMultipartUploadResult',
    { Bucket: call.bucket, Key: call.key, UploadId: upload.uploadId },
    headers,
  );
};

export const uploadPart: S3Handler = async (call) => {
  const uploadId = queryString(call.req, 'uploadId')!;
  call.uploads.upload(call.bucket, call.key, uploadId);
  const payload = readUploadPayload(call.req, call.ctx);
  const part = await call.uploads.uploadPart(
    call.bucket,
    call.key,
    uploadId,
    Number(queryString(call.req, 'partNumber')),
    payload.body,
    payload.checksum,
    payload.contentMd5,
  );
  return emptyResponse(200, {
    etag: part.etag,
    ...(part.checksum ? { [`x-amz-checksum-${part.checksum.algorithm.toLowerCase()}`]: part.checksum.value } : {}),
  });
};

export const uploadPartCopy: S3Handler = async (call) => {
  const uploadId = queryString(call.req, 'uploadId')!;
  const rangeText = header(call.req, 'x-amz-copy-source-range');
  let range: { start: number; end: number } | undefined;
  if (rangeText !== undefined) {
    const m = /^bytes=(\d+)-(\d+)$/.exec(rangeText.trim());
    if (!m)
      throw new InvalidArgument(
        'The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy',
        'x-amz-copy-source-range',
        rangeText,
      );
    range = { start: Number(m[1]), end: Number(m[2]) };
  }
  const source = parseCopySource(header(call.req, 'x-amz-copy-source')!);
  const part = await call.uploads.uploadPartCopy(
    call.bucket,
    call.key,
    uploadId,
    Number(queryString(call.req, 'partNumber')),
    source,
    range,
  );
  return xmlResponse('CopyPartResult', { ETag: part.etag, LastModified: isoDate(part.lastModified) });
};

export const completeMultipartUpload: S3Handler = async (call) => {
  const uploadId = queryString(call.req, 'uploadId')!;
  call.uploads.upload(call.bucket, call.key, uploadId);
  const doc = parseXmlBody(call.req.body, 'CompleteMultipartUpload');
  const refs: CompletedPartRef[] = list(doc, 'Part').map((p) => {
    const partNumber = Number(text(p, 'PartNumber'));
    const etag = text(p, 'ETag');
    if (!Number.isInteger(partNumber) || etag === undefined) throw new MalformedXML();
    const algorithm = CHECKSUM_ALGORITHMS.find((a) => text(p, `Checksum${a}`) !== undefined);
    return {
      partNumber,
      etag,
      checksum: algorithm ? { algorithm, value: text(p, `Checksum${algorithm}`)! } : undefined,
    };
  });
  const object = await call.uploads.complete(call.bucket, call.key, uploadId, refs, call.requester);
  const checksum = object.checksum
    ? { [`Checksum${object.checksum.algorithm}`]: object.checksum.value, ChecksumType: object.checksum.type }
    : {};
  return xmlResponse('CompleteMultipartUploadResult', {
    Location: `${call.ctx.endpoint}/${call.bucket}/${encodeURIComponent(call.key).replace(/%2F/g, '/')}`,
    Bucket: call.bucket,
    Key: call.key,
    ETag: object.etag,
    ...checksum,
  });
};

export const abortMultipartUpload: S3Handler = (call) => {
  call.uploads.abort(call.bucket, call.key, queryString(call.req, 'uploadId')!);
  return emptyResponse(204);
};

export const listParts: S3Handler = (call) => {
  const uploadId = queryString(call.req, 'uploadId')!;
  const upload = call.uploads.upload(call.bucket, call.key, uploadId);
  const marker = Number(queryString(call.req, 'part-number-marker') ?? 0) || 0;
  const maxParts = Math.min(Number(queryString(call.req, 'max-parts') ?? 1000) || 1000, 1000);
  const all = [...upload.parts.values()]
    .filter((p) => p.partNumber > marker)
    .sort((a, b) => a.partNumber - b.partNumber);
  const page = all.slice(0, maxParts);
  return xmlResponse('ListPartsResult', {
    Bucket: call.bucket,
    Key: call.key,
    UploadId: uploadId,
    PartNumberMarker: marker,
    NextPartNumberMarker: page.at(-1)?.partNumber ?? marker,
    MaxParts: maxParts,
    IsTruncated: all.length > page.length,
    Part: page.map((p) => ({
      PartNumber: p.partNumber,
      LastModified: isoDate(p.lastModified),
      ETag: p.etag,
      Size: p.size,
      ...(p.checksum ? { [`Checksum${p.checksum.algorithm}`]: p.checksum.value } : {}),
    })),
    Initiator: owner(call),
    Owner: owner(call),
    StorageClass: upload.storageClass,
    ChecksumAlgorithm: upload.checksumAlgorithm,
    ChecksumType: upload.checksumType,
  });
};

export const listMultipartUploads: S3Handler = (call) => {
  const prefix = queryString(call.req, 'prefix') ?? '';
  const uploads = call.uploads.list(call.bucket, prefix);
  return xmlResponse('ListMultipartUploadsResult', {
    Bucket: call.bucket,
    KeyMarker: '',
    UploadIdMarker: '',
    Prefix: prefix,
    MaxUploads: 1000,
    IsTruncated: false,
    Upload: uploads.map((u) => ({
      Key: u.key,
      UploadId: u.uploadId,
      Initiator: owner(call),
      Owner: owner(call),
      StorageClass: u.storageClass,
      Initiated: isoDate(u.initiated),
      ChecksumAlgorithm: u.checksumAlgorithm,
      ChecksumType: u.checksumType,
    })),
  });
};
