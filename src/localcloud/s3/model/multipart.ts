// Multipart uploads: create, upload parts, complete (ETag md5-of-md5s-N, composite or
// full-object checksums), abort, list. Parts are blobs of their own until completion
// assembles them into one object body.
import { createHash, randomBytes } from 'node:crypto';
import {
  EntityTooSmall,
  InvalidArgument,
  InvalidPart,
  InvalidPartOrder,
  InvalidRequest,
  MalformedXML,
  NoSuchKey,
  NoSuchUpload,
} from '../errors';
import { assertValidKey } from './bucketNames';
import { checksumOf, compositeChecksum } from './checksums';
import { verifiedChecksum, verifiedMd5 } from './digests';
import type { Requester, S3Backend } from './s3Backend';
import type { ChecksumAlgorithm, MultipartUpload, ObjectChecksum, ObjectHeaders, S3Object, UploadPart } from './types';

export const MIN_PART_SIZE = 5 * 1024 * 1024;
const MAX_PART_NUMBER = 10_000;

export interface CreateUploadInput {
  bucket: string;
  key: string;
  headers: ObjectHeaders;
  metadata: Record<string, string>;
  storageClass?: string;
  checksumAlgorithm?: ChecksumAlgorithm;
  checksumType?: 'FULL_OBJECT' | 'COMPOSITE';
  tags?: Record<string, string>;
}

export interface CompletedPartRef {
  partNumber: number;
  etag: string;
  /** Checksum the client lists for the part, when it lists one. */
  checksum?: { algorithm: ChecksumAlgorithm; value: string };
}

export class MultipartUploads {
  constructor(private readonly s3: S3Backend) {}

  create(input: CreateUploadInput): MultipartUpload {
    this.s3.bucket(input.bucket);
    assertValidKey(input.key);
    const algorithm = input.checksumAlgorithm;
    const type = algorithm
      ? (input.checksumType ?? (algorithm === 'CRC64NVME' ? 'FULL_OBJECT' : 'COMPOSITE'))
      : undefined;
    if (type === 'FULL_OBJECT' && (algorithm === 'SHA1' || algorithm === 'SHA256')) {
      throw new InvalidRequest(
        `The FULL_OBJECT checksum type cannot be used with the ${algorithm.toLowerCase()} checksum algorithm.`,
      );
    }
    const upload = {
      uploadId: randomBytes(32).toString('base64url'),
      bucket: input.bucket,
      key: input.key,
      initiated: Date.now(),
      headers: input.headers,
      metadata: input.metadata,
      storageClass: input.storageClass ?? 'STANDARD',
      checksumAlgorithm: algorithm,
      checksumType: type,
      tags: input.tags,
    };
    this.s3.commit({ t: 'upload.create', upload });
    return this.upload(input.bucket, input.key, upload.uploadId);
  }

  upload(bucket: string, key: string, uploadId: string): MultipartUpload {
    this.s3.bucket(bucket);
    const upload = this.s3.state.uploads.get(uploadId);
    if (!upload || upload.bucket !== bucket || upload.key !== key) throw new NoSuchUpload(uploadId);
    return upload;
  }

  async uploadPart(
    bucket: string,
    key: string,
    uploadId: string,
    partNumber: number,
    body: Buffer,
    checksum?: { algorithm: ChecksumAlgorithm; value?: string },
    contentMd5?: string,
  ): Promise<UploadPart> {
    const upload = this.upload(bucket, key, uploadId);
    if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > MAX_PART_NUMBER) {
      throw new InvalidArgument(
        'Part number must be an integer between 1 and 10000, inclusive',
        'partNumber',
        String(partNumber),
      );
    }
    if (upload.checksumAlgorithm && checksum && checksum.algorithm !== upload.checksumAlgorithm) {
      throw new InvalidRequest(
        `Checksum Type mismatch occurred, expected checksum Type: ${upload.checksumAlgorithm.toLowerCase()}, actual checksum Type: ${checksum.algorithm.toLowerCase()}`,
      );
    }
    const algorithm = upload.checksumAlgorithm ?? checksum?.algorithm;
    const partChecksum: UploadPart['checksum'] = algorithm
      ? { algorithm, value: verifiedChecksum(algorithm, body, checksum?.value) }
      : undefined;
    const md5 = verifiedMd5(body, contentMd5);
    // The upload may be completed or aborted while the part is being written.
    const blob = await this.s3.blobs.writeChecked('parts', body, () => this.upload(bucket, key, uploadId));
    const part: UploadPart = {
      partNumber,
      blob,
      size: body.length,
      etag: `"${md5.toString('hex')}"`,
      lastModified: Date.now(),
      checksum: partChecksum,
    };
    const previous = upload.parts.get(partNumber);
    this.s3.commit({ t: 'upload.part', uploadId, part });
    if (previous) this.s3.blobs.retire(previous.blob);
    return part;
  }

  /** UploadPartCopy: a part's bytes taken from an existing object (optionally a byte range of it). */
  async uploadPartCopy(
    bucket: string,
    key: string,
    uploadId: string,
    partNumber: number,
    source: { bucket: string; key: string },
    range?: { start: number; end: number },
  ): Promise<UploadPart> {
    this.upload(bucket, key, uploadId);
    const object = this.s3.object(source.bucket, source.key);
    if (range && (range.start > range.end || range.end >= object.size)) {
      throw new InvalidArgument(
        'Range specified is not valid for source object of size: ' + object.size,
        'x-amz-copy-source-range',
        `bytes=${range.start}-${range.end}`,
      );
    }
    const body = await this.s3.blobs.read(object.blob, () => new NoSuchKey(source.key));
    return this.uploadPart(bucket, key, uploadId, partNumber, range ? body.subarray(range.start, range.end + 1) : body);
  }

  async complete(
    bucket: string,
    key: string,
    uploadId: string,
    refs: CompletedPartRef[],
    requester: Requester,
  ): Promise<S3Object> {
    const upload = this.upload(bucket, key, uploadId);
    if (refs.length === 0) throw new MalformedXML();
    const parts: UploadPart[] = [];
    refs.forEach((ref, i) => {
      if (i > 0 && ref.partNumber <= refs[i - 1]!.partNumber) throw new InvalidPartOrder();
      const part = upload.parts.get(ref.partNumber);
      if (!part || normalizeEtag(ref.etag) !== part.etag) throw new InvalidPart(ref.partNumber, ref.etag);
      if (ref.checksum && part.checksum && ref.checksum.value !== part.checksum.value)
        throw new InvalidPart(ref.partNumber, ref.etag);
      parts.push(part);
    });
    parts.forEach((part, i) => {
      if (i < parts.length - 1 && part.size < MIN_PART_SIZE) throw new EntityTooSmall(part.size);
    });
    const body = Buffer.concat(
      await Promise.all(parts.map((p) => this.s3.blobs.read(p.blob, () => new NoSuchUpload(uploadId)))),
    );
    const md5s = Buffer.concat(parts.map((p) => Buffer.from(p.etag.slice(1, -1), 'hex')));
    const blob = await this.s3.blobs.writeChecked('objects', body, () => this.upload(bucket, key, uploadId));
    const object: S3Object = {
      key,
      blob,
      size: body.length,
      etag: `"${createHash('md5').update(md5s).digest('hex')}-${parts.length}"`,
      lastModified: Date.now(),
      headers: upload.headers,
      metadata: upload.metadata,
      checksum: objectChecksum(upload, parts, body),
      partsCount: parts.length,
      storageClass: upload.storageClass,
      tags: upload.tags,
    };
    this.s3.replaceObject(bucket, object, { t: 'upload.complete', uploadId, object });
    for (const part of upload.parts.values()) this.s3.blobs.retire(part.blob);
    this.s3.changed(bucket, object, 'ObjectCreated:CompleteMultipartUpload', requester);
    return object;
  }

  abort(bucket: string, key: string, uploadId: string): void {
    const upload = this.upload(bucket, key, uploadId);
    this.s3.commit({ t: 'upload.abort', uploadId });
    for (const part of upload.parts.values()) this.s3.blobs.retire(part.blob);
  }

  /** Open uploads of a bucket, ordered by key then initiation time. */
  list(bucket: string, prefix = ''): MultipartUpload[] {
    this.s3.bucket(bucket);
    return [...this.s3.state.uploads.values()]
      .filter((u) => u.bucket === bucket && u.key.startsWith(prefix))
      .sort((a, b) => (a.key === b.key ? a.initiated - b.initiated : a.key < b.key ? -1 : 1));
  }
}

function normalizeEtag(etag: string): string {
  const bare = etag.trim().replace(/^"|"$/g, '');
  return `"${bare}"`;
}

/** Composite: checksum of the part checksums plus `-N`; full-object (or none declared): over the whole body. */
function objectChecksum(upload: MultipartUpload, parts: UploadPart[], body: Buffer): ObjectChecksum {
  const algorithm = upload.checksumAlgorithm;
  if (algorithm && upload.checksumType === 'COMPOSITE' && parts.every((p) => p.checksum?.algorithm === algorithm)) {
    return {
      algorithm,
      value: compositeChecksum(
        algorithm,
        parts.map((p) => p.checksum!.value),
      ),
      type: 'COMPOSITE',
    };
  }
  const fullAlgorithm = algorithm && upload.checksumType === 'FULL_OBJECT' ? algorithm : 'CRC64NVME';
  return { algorithm: fullAlgorithm, value: checksumOf(fullAlgorithm, body), type: 'FULL_OBJECT' };
}
