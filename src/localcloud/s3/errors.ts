// One class per S3 error code, with the HTTP statuses and extra <Error> fields AWS sends
// (S3 API Reference, "Error responses", https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html,
// read 2026-12-03). Model and protocol both throw these; the core serialises them as restXml.
import { AwsError } from '../server/errors';

// Codes S3 shares with the core, which raises them before a request reaches S3 (signature
// checks, body limits); S3's own checks throw the same classes.
export { AccessDenied, InvalidAccessKeyId, SignatureDoesNotMatch } from '../server/authErrors';
export { EntityTooLarge } from '../server/requestBody';

export class NoSuchBucket extends AwsError {
  constructor(bucket: string) {
    super('NoSuchBucket', 'The specified bucket does not exist', 404, { fields: { BucketName: bucket } });
  }
}

export class NoSuchKey extends AwsError {
  constructor(key: string) {
    super('NoSuchKey', 'The specified key does not exist.', 404, { fields: { Key: key } });
  }
}

export class NoSuchUpload extends AwsError {
  constructor(uploadId: string) {
    super(
      'NoSuchUpload',
      'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
      404,
      { fields: { UploadId: uploadId } },
    );
  }
}

export class BucketAlreadyOwnedByYou extends AwsError {
  constructor(bucket: string) {
    super(
      'BucketAlreadyOwnedByYou',
      'Your previous request to create the named bucket succeeded and you already own it.',
      409,
      { fields: { BucketName: bucket } },
    );
  }
}

export class BucketNotEmpty extends AwsError {
  constructor(bucket: string) {
    super('BucketNotEmpty', 'The bucket you tried to delete is not empty. Delete every object first.', 409, {
      fields: { BucketName: bucket },
    });
  }
}

export class InvalidBucketName extends AwsError {
  constructor(bucket: string) {
    super('InvalidBucketName', 'The specified bucket is not valid.', 400, { fields: { BucketName: bucket } });
  }
}

export class KeyTooLongError extends AwsError {
  constructor() {
    super('KeyTooLongError', 'Your key is too long', 400, { fields: { MaxSizeAllowed: 1024 } });
  }
}

export class InvalidRange extends AwsError {
  constructor(range: string, size: number) {
    super('InvalidRange', 'The requested range is not satisfiable', 416, {
      fields: { RangeRequested: range, ActualObjectSize: size },
    });
  }
}

export class PreconditionFailed extends AwsError {
  constructor(condition: string) {
    super('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', 412, {
      fields: { Condition: condition },
    });
  }
}

export class InvalidPart extends AwsError {
  constructor(partNumber: number, etag?: string) {
    super(
      'InvalidPart',
      "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
      400,
      { fields: { PartNumber: partNumber, ETag: etag } },
    );
  }
}

export class InvalidPartOrder extends AwsError {
  constructor() {
    super(
      'InvalidPartOrder',
      'The list of parts was not in ascending order. Parts must be ordered by part number.',
      400,
    );
  }
}

export class EntityTooSmall extends AwsError {
  constructor(size: number) {
    super(
      'EntityTooSmall',
      'Your proposed upload is smaller than the minimum allowed object size (5 MiB for every part except the last).',
      400,
      { fields: { ProposedSize: size, MinSizeAllowed: 5 * 1024 * 1024 } },
    );
  }
}

export class MetadataTooLarge extends AwsError {
  constructor(size: number) {
    super('MetadataTooLarge', 'Your metadata headers exceed the maximum allowed metadata size.', 400, {
      fields: { Size: size, MaxSizeAllowed: 2048 },
    });
  }
}

export class InvalidTag extends AwsError {
  constructor(message: string) {
    super('InvalidTag', message, 400);
  }
}

export class MalformedPOSTRequest extends AwsError {
  constructor(message: string) {
    super('MalformedPOSTRequest', message, 400);
  }
}

export class MalformedXML extends AwsError {
  constructor() {
    super(
      'MalformedXML',
      'The XML you provided was not well-formed or did not validate against our published schema',
      400,
    );
  }
}

export class InvalidArgument extends AwsError {
  constructor(message: string, name?: string, value?: string, numbered: Record<string, string> = {}) {
    super('InvalidArgument', message, 400, { fields: { ArgumentName: name, ArgumentValue: value, ...numbered } });
  }
  /** A notification configuration naming destinations S3 cannot deliver to: one numbered pair per destination. */
  static unvalidatedDestinations(problems: ReadonlyArray<readonly [arn: string, problem: string]>): InvalidArgument {
    const numbered: Record<string, string> = {};
    problems.forEach(([arn, problem], i) => {
      numbered[`ArgumentName${i + 1}`] = arn;
      numbered[`ArgumentValue${i + 1}`] = problem;
    });
    return new InvalidArgument(
      'Unable to validate the following destination configurations',
      undefined,
      undefined,
      numbered,
    );
  }
}

/** A POST form upload whose policy document cannot be read. */
export class InvalidPolicyDocument extends AwsError {
  constructor(message: string) {
    super('InvalidPolicyDocument', `Invalid Policy: ${message}`, 400);
  }
}

/** A CreateBucket on a regional endpoint for a bucket in another region. */
export class IllegalLocationConstraintException extends AwsError {
  constructor(constraint: string | undefined) {
    super(
      'IllegalLocationConstraintException',
      `The ${constraint ?? 'unspecified'} location constraint is incompatible for the region specific endpoint this request was sent to.`,
      400,
    );
  }
}

/** A CORS preflight S3 cannot place (no bucket in its address). */
export class BadRequest extends AwsError {
  constructor(message: string) {
    super('BadRequest', message, 400);
  }
}

export class InvalidRequest extends AwsError {
  constructor(message: string) {
    super('InvalidRequest', message, 400);
  }
}

export class BadDigest extends AwsError {
  constructor(message: string) {
    super('BadDigest', message, 400);
  }
}

export class InvalidDigest extends AwsError {
  constructor() {
    super('InvalidDigest', 'The Content-MD5 you specified was invalid.', 400);
  }
}

export class XAmzContentSHA256Mismatch extends AwsError {
  constructor(client: string, computed: string) {
    super(
      'XAmzContentSHA256Mismatch',
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
      400,
      { fields: { ClientComputedContentSHA256: client, S3ComputedContentSHA256: computed } },
    );
  }
}

export class IncompleteBody extends AwsError {
  constructor() {
    super('IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header', 400);
  }
}

export class NoSuchCORSConfiguration extends AwsError {
  constructor(bucket: string) {
    super('NoSuchCORSConfiguration', 'The CORS configuration does not exist', 404, { fields: { BucketName: bucket } });
  }
}

export class NoSuchTagSet extends AwsError {
  constructor(bucket: string) {
    super('NoSuchTagSet', 'The TagSet does not exist', 404, { fields: { BucketName: bucket } });
  }
}

export class NoSuchBucketPolicy extends AwsError {
  constructor(bucket: string) {
    super('NoSuchBucketPolicy', 'The bucket policy does not exist', 404, { fields: { BucketName: bucket } });
  }
}

export class NoSuchWebsiteConfiguration extends AwsError {
  constructor(bucket: string) {
    super('NoSuchWebsiteConfiguration', 'The specified bucket does not have a website configuration', 404, {
      fields: { BucketName: bucket },
    });
  }
}

export class NoSuchLifecycleConfiguration extends AwsError {
  constructor(bucket: string) {
    super('NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist', 404, {
      fields: { BucketName: bucket },
    });
  }
}

export class ReplicationConfigurationNotFoundError extends AwsError {
  constructor(bucket: string) {
    super('ReplicationConfigurationNotFoundError', 'The replication configuration was not found', 404, {
      fields: { BucketName: bucket },
    });
  }
}

export class ObjectLockConfigurationNotFoundError extends AwsError {
  constructor(bucket: string) {
    super('ObjectLockConfigurationNotFoundError', 'Object Lock configuration does not exist for this bucket', 404, {
      fields: { BucketName: bucket },
    });
  }
}

export class MethodNotAllowed extends AwsError {
  constructor(method: string) {
    super('MethodNotAllowed', 'The specified method is not allowed against this resource.', 405, {
      fields: { Method: method, ResourceType: 'OBJECT' },
    });
  }
}

export class NotImplemented extends AwsError {
  constructor(what: string) {
    super(
      'NotImplemented',
      `The local cloud does not implement ${what} yet. Use the localstack or aws target for it.`,
      501,
    );
  }
}

export class AccessForbidden extends AwsError {
  constructor(message: string) {
    super('AccessForbidden', message, 403);
  }
  static corsForbidden(): AccessForbidden {
    return new AccessForbidden(
      "CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.",
    );
  }
  static corsNotEnabled(): AccessForbidden {
    return new AccessForbidden('CORSResponse: CORS is not enabled for this bucket.');
  }
}
