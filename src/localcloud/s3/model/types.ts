// S3's entities as the local cloud keeps them. Plain data: everything here is written to the
// journal and the snapshot as JSON, so object bodies are only referenced (a path relative to
// the journal's blob folder), never held in memory.

export type ChecksumAlgorithm = 'CRC32' | 'CRC32C' | 'CRC64NVME' | 'SHA1' | 'SHA256';
export const CHECKSUM_ALGORITHMS: readonly ChecksumAlgorithm[] = ['CRC32', 'CRC32C', 'CRC64NVME', 'SHA1', 'SHA256'];

export interface ObjectChecksum {
  algorithm: ChecksumAlgorithm;
  /** base64; for a COMPOSITE multipart checksum, ends with `-N`. */
  value: string;
  type: 'FULL_OBJECT' | 'COMPOSITE';
}

/** Standard HTTP headers S3 stores with an object and returns on GET/HEAD. */
export interface ObjectHeaders {
  contentType: string;
  contentEncoding?: string;
  contentDisposition?: string;
  contentLanguage?: string;
  cacheControl?: string;
  expires?: string;
}

export interface S3Object {
  key: string;
  /** Body file, relative to the journal's blob folder. */
  blob: string;
  size: number;
  /** Quoted, as on the wire: "md5hex" or "md5-of-md5s-N". */
  etag: string;
  /** Epoch ms. */
  lastModified: number;
  headers: ObjectHeaders;
  /** x-amz-meta-* without the prefix, names lower-case. */
  metadata: Record<string, string>;
  checksum?: ObjectChecksum;
  /** Set for objects assembled by CompleteMultipartUpload. */
  partsCount?: number;
  storageClass: string;
  /** Object tags (x-amz-tagging, PutObjectTagging). */
  tags?: Record<string, string>;
}

export interface CorsRule {
  id?: string;
  allowedOrigins: string[];
  allowedMethods: string[];
  allowedHeaders: string[];
  exposeHeaders: string[];
  maxAgeSeconds?: number;
}

export type NotificationTargetKind = 'queue' | 'lambda' | 'topic';

export interface NotificationTarget {
  id: string;
  kind: NotificationTargetKind;
  /** Queue, function or topic ARN. */
  arn: string;
  /** e.g. s3:ObjectCreated:*, s3:ObjectRemoved:Delete */
  events: string[];
  prefix?: string;
  suffix?: string;
}

export interface NotificationConfig {
  targets: NotificationTarget[];
  eventBridge: boolean;
}

export interface Bucket {
  name: string;
  region: string;
  /** Epoch ms. */
  created: number;
  objects: Map<string, S3Object>;
  cors?: CorsRule[];
  notification: NotificationConfig;
  /** Bucket tags (PutBucketTagging); absent when the bucket has none. */
  tags?: Record<string, string>;
}

export interface UploadPart {
  partNumber: number;
  blob: string;
  size: number;
  etag: string;
  lastModified: number;
  checksum?: { algorithm: ChecksumAlgorithm; value: string };
}

export interface MultipartUpload {
  uploadId: string;
  bucket: string;
  key: string;
  initiated: number;
  headers: ObjectHeaders;
  metadata: Record<string, string>;
  storageClass: string;
  checksumAlgorithm?: ChecksumAlgorithm;
  checksumType?: 'FULL_OBJECT' | 'COMPOSITE';
  tags?: Record<string, string>;
  parts: Map<number, UploadPart>;
}

/** A notification accepted with the change that caused it, kept until it has been handed over. */
export interface PendingDelivery {
  id: string;
  kind: 'queue' | 'lambda';
  arn: string;
  bucket: string;
  /** The JSON message (event records or the test event). */
  message: string;
}

/** Journal events: each state change is one of these, applied by the same code on replay. */
export type S3Event =
  | { t: 'bucket.create'; name: string; region: string; created: number }
  | { t: 'bucket.delete'; name: string }
  | { t: 'bucket.cors'; name: string; rules: CorsRule[] | null }
  | { t: 'bucket.notification'; name: string; config: NotificationConfig }
  | { t: 'bucket.tags'; name: string; tags: Record<string, string> | null }
  | { t: 'object.put'; bucket: string; object: S3Object }
  | { t: 'object.delete'; bucket: string; key: string }
  | { t: 'object.tags'; bucket: string; key: string; tags: Record<string, string> | null }
  | { t: 'upload.create'; upload: Omit<MultipartUpload, 'parts'> }
  | { t: 'upload.part'; uploadId: string; part: UploadPart }
  | { t: 'upload.complete'; uploadId: string; object: S3Object }
  | { t: 'upload.abort'; uploadId: string }
  | { t: 'notify.pending'; delivery: PendingDelivery }
  | { t: 'notify.done'; id: string };

export interface S3Snapshot {
  buckets: Array<Omit<Bucket, 'objects'> & { objects: S3Object[] }>;
  uploads: Array<Omit<MultipartUpload, 'parts'> & { parts: UploadPart[] }>;
  /** Absent in snapshots written before notifications were journaled. */
  outbox?: PendingDelivery[];
}

/** What a notification reports: emitted by the model after each object change. */
export interface ObjectChange {
  bucket: string;
  /** The bucket's region, reported as awsRegion. */
  region: string;
  key: string;
  /** e.g. ObjectCreated:Put, ObjectCreated:Copy, ObjectCreated:CompleteMultipartUpload, ObjectRemoved:Delete */
  eventName: string;
  size?: number;
  etag?: string;
  requestId: string;
  sourceIp: string;
  principalId: string;
  time: number;
}
