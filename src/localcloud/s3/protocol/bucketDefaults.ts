// Reads of bucket configurations the local cloud does not model. Tools such as Terraform's
// AWS provider read every one of them on each refresh, so each answers as S3 does for a
// bucket that never had the configuration set: today's defaults (200) or the matching
// NoSuch… 404 — never a 501. Setting them stays unimplemented (router.ts).
import { escapeXml } from '../../server/xml';
import {
  NoSuchBucketPolicy,
  NoSuchLifecycleConfiguration,
  NoSuchWebsiteConfiguration,
  ObjectLockConfigurationNotFoundError,
  ReplicationConfigurationNotFoundError,
} from '../errors';
import { owner, xmlResponse, type S3Call, type S3Handler } from './s3Call';
import { S3_NS } from './xml';

/** Absent configurations: the 404 S3 answers (S3 API Reference, "Error responses", read 2026-12-03). */
const ABSENT: Record<string, (bucket: string) => Error> = {
  policy: (bucket) => new NoSuchBucketPolicy(bucket),
  website: (bucket) => new NoSuchWebsiteConfiguration(bucket),
  lifecycle: (bucket) => new NoSuchLifecycleConfiguration(bucket),
  replication: (bucket) => new ReplicationConfigurationNotFoundError(bucket),
  'object-lock': (bucket) => new ObjectLockConfigurationNotFoundError(bucket),
};

const DEFAULTS: Record<string, S3Handler> = {
  // Owner-only ACL with FULL_CONTROL: what a new bucket has (S3 User Guide, "Access control
  // list (ACL) overview", read 2026-12-03).
  acl: (call) => {
    const { ID, DisplayName } = owner(call);
    const who = `<ID>${ID}</ID><DisplayName>${escapeXml(DisplayName)}</DisplayName>`;
    return {
      status: 200,
      headers: { 'content-type': 'application/xml' },
      body:
        `<?xml version="1.0" encoding="UTF-8"?>\n<AccessControlPolicy xmlns="${S3_NS}"><Owner>${who}</Owner><AccessControlList>` +
        `<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser">${who}</Grantee><Permission>FULL_CONTROL</Permission></Grant>` +
        `</AccessControlList></AccessControlPolicy>`,
    };
  },
  // Since 2023-01-05 every bucket has SSE-S3 (AES256) as its default encryption (S3 User
  // Guide, "Setting default server-side encryption behavior for Amazon S3 buckets", read 2026-12-03).
  encryption: () =>
    xmlResponse('ServerSideEncryptionConfiguration', {
      Rule: { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false },
    }),
  // Since April 2023 new buckets have ACLs disabled (BucketOwnerEnforced) and all four Block
  // Public Access settings on (S3 User Guide, "Controlling ownership of objects" and
  // "Blocking public access to your Amazon S3 storage", read 2026-12-03).
  ownershipControls: () => xmlResponse('OwnershipControls', { Rule: { ObjectOwnership: 'BucketOwnerEnforced' } }),
  publicAccessBlock: () =>
    xmlResponse('PublicAccessBlockConfiguration', {
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    }),
  // Never-configured accelerate, logging and request payment: an empty status, the bucket owner pays.
  accelerate: () => xmlResponse('AccelerateConfiguration', {}),
  logging: () => xmlResponse('BucketLoggingStatus', {}),
  requestPayment: () => xmlResponse('RequestPaymentConfiguration', { Payer: 'BucketOwner' }),
};

/** The handler for a GET of an unmodelled bucket sub-resource, or undefined. */
export function bucketDefaultFor(has: (subresource: string) => boolean): S3Handler | undefined {
  const absent = Object.keys(ABSENT).find(has);
  if (absent) {
    return (call: S3Call) => {
      call.s3.bucket(call.bucket);
      throw ABSENT[absent]!(call.bucket);
    };
  }
  const present = Object.keys(DEFAULTS).find(has);
  if (!present) return undefined;
  return (call: S3Call) => {
    call.s3.bucket(call.bucket);
    return DEFAULTS[present]!(call);
  };
}
