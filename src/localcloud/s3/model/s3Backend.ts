// S3's behaviour without HTTP: one typed method per operation on buckets, objects and bucket
// configuration. Every change is one S3Event passed to commit(), which applies it and
// journals it; bodies go to the BlobStore first.
import { createHash } from 'node:crypto';
import type { CloudContext } from '../../server/types';
import {
  BucketAlreadyOwnedByYou,
  BucketNotEmpty,
  InvalidRequest,
  NoSuchBucket,
  NoSuchCORSConfiguration,
  NoSuchKey,
  NoSuchTagSet,
  PreconditionFailed,
} from '../errors';
import { BlobStore } from './blobStore';
import { assertValidBucketName, assertValidKey } from './bucketNames';
import { checksumOf } from './checksums';
import { verifyDigests } from './digests';
import { listKeys, type ListPage, type ListParams } from './listing';
import { validateNotificationConfig } from './notificationRules';
import { Notifier } from './notifier';
import { S3State } from './s3State';
import type {
  Bucket,
  ChecksumAlgorithm,
  CorsRule,
  NotificationConfig,
  ObjectHeaders,
  S3Event,
  S3Object,
} from './types';

/** Who asked, for notification records. */
export interface Requester {
  requestId: string;
  sourceIp: string;
  principalId: string;
}

export interface PutObjectInput {
  bucket: string;
  key: string;
  body: Buffer;
  headers: ObjectHeaders;
  metadata: Record<string, string>;
  storageClass?: string;
  /** A checksum the client sent (verified here), or only the algorithm to compute. */
  checksum?: { algorithm: ChecksumAlgorithm; value?: string };
  /** Base64 Content-MD5, verified here. */
  contentMd5?: string;
  tags?: Record<string, string>;
  /** Conditional write (If-None-Match: *, If-Match: etag), checked again at commit time. */
  condition?: WriteCondition;
  /** Notification event name; ObjectCreated:Post for browser form uploads. */
  eventName?: 'ObjectCreated:Put' | 'ObjectCreated:Post';
}

export interface WriteCondition {
  ifNoneMatchAny?: boolean;
  ifMatch?: string;
}

export interface CopyObjectInput {
  source: { bucket: string; key: string };
  bucket: string;
  key: string;
  /** REPLACE directive: the new headers and metadata; COPY keeps the source's. */
  replace?: { headers: ObjectHeaders; metadata: Record<string, string> };
  /** x-amz-tagging-directive REPLACE: the new tags; otherwise the source's are copied. */
  replaceTags?: Record<string, string>;
  checksumAlgorithm?: ChecksumAlgorithm;
  storageClass?: string;
}

export class S3Backend {
  readonly state = new S3State();
  readonly blobs: BlobStore;
  readonly notifier: Notifier;

  constructor(private readonly ctx: CloudContext) {
    this.blobs = new BlobStore(ctx.journal);
    this.notifier = new Notifier(ctx, (event) => this.commit(event));
  }

  commit(event: S3Event): void {
    this.state.apply(event);
    this.ctx.journal.append('s3', event);
  }

  // ---- buckets

  /** Returns false when the caller already owns the bucket (us-east-1 answers 200 then). */
  createBucket(name: string, region: string): boolean {
    assertValidBucketName(name);
    if (this.state.buckets.has(name)) {
      if (region !== 'us-east-1') throw new BucketAlreadyOwnedByYou(name);
      return false;
    }
    this.commit({ t: 'bucket.create', name, region, created: Date.now() });
    return true;
  }

  bucket(name: string): Bucket {
    const bucket = this.state.buckets.get(name);
    if (!bucket) throw new NoSuchBucket(name);
    return bucket;
  }

  listBuckets(prefix = ''): Bucket[] {
    return [...this.state.buckets.values()]
      .filter((b) => b.name.startsWith(prefix))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  /** Only an empty bucket can go; open multipart uploads do not count and are discarded, as on S3. */
  deleteBucket(name: string): void {
    const bucket = this.bucket(name);
    if (bucket.objects.size > 0) throw new BucketNotEmpty(name);
    for (const upload of [...this.state.uploads.values()].filter((u) => u.bucket === name)) {
      this.commit({ t: 'upload.abort', uploadId: upload.uploadId });
      for (const part of upload.parts.values()) this.blobs.retire(part.blob);
    }
    this.commit({ t: 'bucket.delete', name });
  }

  setCors(name: string, rules: CorsRule[] | null): void {
    this.bucket(name);
    this.commit({ t: 'bucket.cors', name, rules });
  }

  cors(name: string): CorsRule[] {
    const rules = this.bucket(name).cors;
    if (!rules) throw new NoSuchCORSConfiguration(name);
    return rules;
  }

  setBucketTags(name: string, tags: Record<string, string> | null): void {
    this.bucket(name);
    this.commit({ t: 'bucket.tags', name, tags });
  }

  bucketTags(name: string): Record<string, string> {
    const tags = this.bucket(name).tags;
    if (!tags) throw new NoSuchTagSet(name);
    return tags;
  }

  setNotification(name: string, config: NotificationConfig, requester: Requester): void {
    this.bucket(name);
    validateNotificationConfig(config);
    this.notifier.validateDestinations(name, config);
    this.commit({ t: 'bucket.notification', name, config });
    this.notifier.sendTestEvents(name, config, requester.requestId);
  }

  // ---- objects

  object(bucket: string, key: string): S3Object {
    const object = this.bucket(bucket).objects.get(key);
    if (!object) throw new NoSuchKey(key);
    return object;
  }

  async putObject(input: PutObjectInput, requester: Requester): Promise<S3Object> {
    this.bucket(input.bucket);
    assertValidKey(input.key);
    const { md5, checksum } = verifyDigests(input.body, input);
    this.assertWriteCondition(input.bucket, input.key, input.condition);
    // Writing the body yields: the bucket may be gone, or a concurrent writer created the key.
    const blob = await this.blobs.writeChecked('objects', input.body, () => {
      this.bucket(input.bucket);
      this.assertWriteCondition(input.bucket, input.key, input.condition);
    });
    const object: S3Object = {
      key: input.key,
      blob,
      size: input.body.length,
      etag: `"${md5.toString('hex')}"`,
      lastModified: Date.now(),
      headers: input.headers,
      metadata: input.metadata,
      checksum,
      storageClass: input.storageClass ?? 'STANDARD',
      tags: input.tags,
    };
    this.replaceObject(input.bucket, object, { t: 'object.put', bucket: input.bucket, object });
    this.changed(input.bucket, object, input.eventName ?? 'ObjectCreated:Put', requester);
    return object;
  }

  async copyObject(input: CopyObjectInput, requester: Requester): Promise<S3Object> {
    const source = this.object(input.source.bucket, input.source.key);
    this.bucket(input.bucket);
    assertValidKey(input.key);
    const sameObject = input.source.bucket === input.bucket && input.source.key === input.key;
    if (sameObject && !input.replace && !input.checksumAlgorithm && !input.storageClass) {
      throw new InvalidRequest(
        "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
      );
    }
    const body = await this.blobs.read(source.blob, () => new NoSuchKey(input.source.key));
    const checksum = input.checksumAlgorithm
      ? {
          algorithm: input.checksumAlgorithm,
          value: checksumOf(input.checksumAlgorithm, body),
          type: 'FULL_OBJECT' as const,
        }
      : source.checksum?.type === 'FULL_OBJECT'
        ? source.checksum
        : { algorithm: 'CRC64NVME' as const, value: checksumOf('CRC64NVME', body), type: 'FULL_OBJECT' as const };
    const blob = await this.blobs.writeChecked('objects', body, () => this.bucket(input.bucket));
    const object: S3Object = {
      key: input.key,
      blob,
      size: body.length,
      // A copy of a multipart object gets a plain MD5 ETag, as on S3.
      etag: source.partsCount ? `"${createHash('md5').update(body).digest('hex')}"` : source.etag,
      lastModified: Date.now(),
      headers: input.replace?.headers ?? source.headers,
      metadata: input.replace?.metadata ?? source.metadata,
      checksum,
      storageClass: input.storageClass ?? source.storageClass,
      tags: input.replaceTags ?? source.tags,
    };
    this.replaceObject(input.bucket, object, { t: 'object.put', bucket: input.bucket, object });
    this.changed(input.bucket, object, 'ObjectCreated:Copy', requester);
    return object;
  }

  assertWriteCondition(bucket: string, key: string, condition: WriteCondition | undefined): void {
    if (!condition) return;
    const existing = this.bucket(bucket).objects.get(key);
    if (condition.ifNoneMatchAny && existing) throw new PreconditionFailed('If-None-Match');
    if (condition.ifMatch !== undefined) {
      if (!existing) throw new NoSuchKey(key);
      if (condition.ifMatch.replace(/"/g, '').trim() !== existing.etag.replace(/"/g, ''))
        throw new PreconditionFailed('If-Match');
    }
  }

  /** Deleting a missing key succeeds, as on S3. Returns whether something was deleted. */
  deleteObject(bucket: string, key: string, requester: Requester): boolean {
    const existing = this.bucket(bucket).objects.get(key);
    if (!existing) return false;
    this.commit({ t: 'object.delete', bucket, key });
    this.blobs.retire(existing.blob);
    this.changed(bucket, { key }, 'ObjectRemoved:Delete', requester);
    return true;
  }

  setTags(bucket: string, key: string, tags: Record<string, string> | null): void {
    this.object(bucket, key);
    this.commit({ t: 'object.tags', bucket, key, tags });
  }

  list(bucket: string, params: ListParams): ListPage {
    return listKeys(this.bucket(bucket).objects, params);
  }

  /** Commits a new version of a key and retires the body it replaces. */
  replaceObject(bucket: string, object: S3Object, event: S3Event): void {
    const previous = this.bucket(bucket).objects.get(object.key);
    this.commit(event);
    if (previous && previous.blob !== object.blob) this.blobs.retire(previous.blob);
  }

  changed(
    bucket: string,
    object: Pick<S3Object, 'key'> & Partial<S3Object>,
    eventName: string,
    requester: Requester,
  ): void {
    const { notification: config, region } = this.bucket(bucket);
    if (config.targets.length === 0) return;
    this.notifier.notify(config, {
      bucket,
      region,
      key: object.key,
      eventName,
      size: object.size,
      etag: object.etag,
      time: Date.now(),
      ...requester,
    });
  }
}
