// ListObjectsV2 and ListObjects (v1): prefix, delimiter + CommonPrefixes, max-keys,
// continuation tokens / markers, start-after, encoding-type=url.
import { InvalidArgument } from '../errors';
import type { ListPage } from '../model/listing';
import type { S3Object } from '../model/types';
import { owner, xmlResponse, type S3Call, type S3Handler } from './s3Call';
import { queryString } from './requestHeaders';
import { isoDate } from './xml';

interface CommonParams {
  prefix: string;
  delimiter?: string;
  maxKeys: number;
  encode: (s: string) => string;
  encodingType?: string;
}

function commonParams(call: S3Call): CommonParams {
  const maxText = queryString(call.req, 'max-keys');
  const maxKeys = maxText === undefined ? 1000 : Number(maxText);
  if (!Number.isInteger(maxKeys) || maxKeys < 0)
    throw new InvalidArgument('Provided max-keys not an integer or within integer range', 'max-keys', maxText);
  const encodingType = queryString(call.req, 'encoding-type');
  if (encodingType !== undefined && encodingType !== 'url')
    throw new InvalidArgument('Invalid Encoding Method specified in Request', 'encoding-type', encodingType);
  const encode = encodingType === 'url' ? (s: string) => encodeURIComponent(s).replace(/%2F/g, '/') : (s: string) => s;
  return {
    prefix: queryString(call.req, 'prefix') ?? '',
    delimiter: queryString(call.req, 'delimiter') || undefined,
    maxKeys: Math.min(maxKeys, 1000),
    encode,
    encodingType,
  };
}

function contents(objects: S3Object[], encode: (s: string) => string, withOwner: ReturnType<typeof owner> | undefined) {
  return objects.map((o) => ({
    Key: encode(o.key),
    LastModified: isoDate(o.lastModified),
    ETag: o.etag,
    ChecksumAlgorithm: o.checksum?.algorithm,
    ChecksumType: o.checksum?.type,
    Size: o.size,
    Owner: withOwner,
    StorageClass: o.storageClass,
  }));
}

function commonPrefixes(page: ListPage, encode: (s: string) => string) {
  return page.commonPrefixes.length > 0 ? page.commonPrefixes.map((p) => ({ Prefix: encode(p) })) : undefined;
}

export const listObjectsV2: S3Handler = (call) => {
  const p = commonParams(call);
  const token = queryString(call.req, 'continuation-token');
  const startAfter = queryString(call.req, 'start-after');
  let after = startAfter || undefined;
  if (token !== undefined) {
    const decoded = Buffer.from(token, 'base64url').toString('utf8');
    if (!token || !decoded.startsWith('k:'))
      throw new InvalidArgument('The continuation token provided is incorrect', 'continuation-token', token);
    after = decoded.slice(2);
  }
  const page = call.s3.list(call.bucket, { prefix: p.prefix, delimiter: p.delimiter, maxKeys: p.maxKeys, after });
  const fetchOwner = queryString(call.req, 'fetch-owner') === 'true';
  return xmlResponse('ListBucketResult', {
    Name: call.bucket,
    Prefix: p.encode(p.prefix),
    Delimiter: p.delimiter === undefined ? undefined : p.encode(p.delimiter),
    MaxKeys: p.maxKeys,
    EncodingType: p.encodingType,
    KeyCount: page.contents.length + page.commonPrefixes.length,
    IsTruncated: page.isTruncated,
    ContinuationToken: token,
    NextContinuationToken: page.isTruncated ? Buffer.from(`k:${page.last}`).toString('base64url') : undefined,
    StartAfter: startAfter === undefined ? undefined : p.encode(startAfter),
    Contents: contents(page.contents, p.encode, fetchOwner ? owner(call) : undefined),
    CommonPrefixes: commonPrefixes(page, p.encode),
  });
};

export const listObjectsV1: S3Handler = (call) => {
  const p = commonParams(call);
  const marker = queryString(call.req, 'marker') ?? '';
  const page = call.s3.list(call.bucket, {
    prefix: p.prefix,
    delimiter: p.delimiter,
    maxKeys: p.maxKeys,
    after: marker || undefined,
  });
  return xmlResponse('ListBucketResult', {
    Name: call.bucket,
    Prefix: p.encode(p.prefix),
    Marker: p.encode(marker),
    // S3 sends NextMarker only with a delimiter; without one, clients continue after the last key.
    NextMarker: page.isTruncated && p.delimiter ? p.encode(page.last!) : undefined,
    MaxKeys: p.maxKeys,
    Delimiter: p.delimiter === undefined ? undefined : p.encode(p.delimiter),
    EncodingType: p.encodingType,
    IsTruncated: page.isTruncated,
    Contents: contents(page.contents, p.encode, owner(call)),
    CommonPrefixes: commonPrefixes(page, p.encode),
  });
};

/** Buckets here are unversioned: every object is its only version, with the version id `null`. */
export const listObjectVersions: S3Handler = (call) => {
  const p = commonParams(call);
  const keyMarker = queryString(call.req, 'key-marker') ?? '';
  const page = call.s3.list(call.bucket, {
    prefix: p.prefix,
    delimiter: p.delimiter,
    maxKeys: p.maxKeys,
    after: keyMarker || undefined,
  });
  return xmlResponse('ListVersionsResult', {
    Name: call.bucket,
    Prefix: p.encode(p.prefix),
    KeyMarker: p.encode(keyMarker),
    VersionIdMarker: queryString(call.req, 'version-id-marker') ?? '',
    NextKeyMarker: page.isTruncated ? p.encode(page.last!) : undefined,
    NextVersionIdMarker: page.isTruncated ? 'null' : undefined,
    MaxKeys: p.maxKeys,
    Delimiter: p.delimiter === undefined ? undefined : p.encode(p.delimiter),
    EncodingType: p.encodingType,
    IsTruncated: page.isTruncated,
    Version: page.contents.map((o) => ({
      Key: p.encode(o.key),
      VersionId: 'null',
      IsLatest: true,
      LastModified: isoDate(o.lastModified),
      ETag: o.etag,
      Size: o.size,
      Owner: owner(call),
      StorageClass: o.storageClass,
    })),
    CommonPrefixes: commonPrefixes(page, p.encode),
  });
};
