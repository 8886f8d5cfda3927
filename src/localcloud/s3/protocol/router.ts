// Picks the operation for a request: method, whether a bucket and key are named, and the
// sub-resource in the query (?cors, ?uploads, ?uploadId …).
import type { AwsRequest } from '../../server/types';
import { MethodNotAllowed, NotImplemented } from '../errors';
import * as buckets from './bucketHandlers';
import { bucketDefaultFor } from './bucketDefaults';
import * as config from './configHandlers';
import { copyObject } from './copyHandler';
import * as listing from './listHandlers';
import * as multipart from './multipartHandlers';
import * as objects from './objectHandlers';
import { isFormUpload, postObject } from './postObjectHandler';
import { hasQuery, header, queryString } from './requestHeaders';
import type { S3Handler } from './s3Call';
import * as tagging from './taggingHandlers';

/** Sub-resources S3 has and the local cloud does not implement: a clear 501 instead of a wrong answer. */
const UNIMPLEMENTED = [
  'acl',
  'policy',
  'lifecycle',
  'website',
  'encryption',
  'logging',
  'replication',
  'ownershipControls',
  'publicAccessBlock',
  'accelerate',
  'requestPayment',
  'analytics',
  'metrics',
  'inventory',
  'intelligent-tiering',
  'object-lock',
  'retention',
  'legal-hold',
  'restore',
  'select',
  'torrent',
  'attributes',
  'policyStatus',
];

export function route(req: AwsRequest, bucket: string | undefined, key: string | undefined): S3Handler {
  const q = (name: string) => hasQuery(req, name);
  const method = req.method;
  if (!bucket) {
    if (method === 'GET') return buckets.listBuckets;
    throw new MethodNotAllowed(method);
  }
  if (!key && q('tagging')) {
    if (method === 'PUT') return tagging.putBucketTagging;
    if (method === 'GET') return tagging.getBucketTagging;
    if (method === 'DELETE') return tagging.deleteBucketTagging;
  }
  const configurationDefault = !key && method === 'GET' ? bucketDefaultFor(q) : undefined;
  if (configurationDefault) return configurationDefault;
  const unimplemented = UNIMPLEMENTED.find(q);
  if (unimplemented && !(method === 'GET' && unimplemented === 'versioning')) {
    throw new NotImplemented(`the ?${unimplemented} sub-resource (${method})`);
  }
  if (!key) {
    switch (method) {
      case 'PUT':
        if (q('cors')) return config.putBucketCors;
        if (q('notification')) return config.putBucketNotification;
        if (q('versioning')) throw new NotImplemented('bucket versioning');
        return buckets.createBucket;
      case 'GET':
        if (q('cors')) return config.getBucketCors;
        if (q('notification')) return config.getBucketNotification;
        if (q('location')) return buckets.getBucketLocation;
        if (q('versioning')) return buckets.getBucketVersioning;
        if (q('uploads')) return multipart.listMultipartUploads;
        if (q('versions')) return listing.listObjectVersions;
        return queryString(req, 'list-type') === '2' ? listing.listObjectsV2 : listing.listObjectsV1;
      case 'HEAD':
        return buckets.headBucket;
      case 'DELETE':
        if (q('cors')) return config.deleteBucketCors;
        return buckets.deleteBucket;
      case 'POST':
        if (q('delete')) return objects.deleteObjects;
        if (isFormUpload({ req })) return postObject;
        break;
    }
    throw new MethodNotAllowed(method);
  }
  if (q('tagging')) {
    if (method === 'PUT') return tagging.putObjectTagging;
    if (method === 'GET') return tagging.getObjectTagging;
    if (method === 'DELETE') return tagging.deleteObjectTagging;
  }
  switch (method) {
    case 'PUT':
      if (q('uploadId') && q('partNumber'))
        return header(req, 'x-amz-copy-source') ? multipart.uploadPartCopy : multipart.uploadPart;
      if (header(req, 'x-amz-copy-source')) return copyObject;
      return objects.putObject;
    case 'GET':
      if (q('uploadId')) return multipart.listParts;
      return objects.getObject;
    case 'HEAD':
      return objects.headObject;
    case 'DELETE':
      if (q('uploadId')) return multipart.abortMultipartUpload;
      return objects.deleteObject;
    case 'POST':
      if (q('uploads')) return multipart.createMultipartUpload;
      if (q('uploadId')) return multipart.completeMultipartUpload;
      break;
  }
  throw new MethodNotAllowed(method);
}
