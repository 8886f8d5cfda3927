// S3's error codes, with the HTTP statuses and extra <Error> fields AWS sends. Model and
// protocol both throw these; the core serialises them as restXml.
import { AwsError } from '../server/errors';

const err = (code: string, message: string, status: number, fields?: Record<string, string | number | undefined>) =>
  new AwsError(code, message, status, { fields });

export const S3Errors = {
  noSuchBucket: (bucket: string) => err('NoSuchBucket', 'The specified bucket does not exist', 404, { BucketName: bucket }),
  noSuchKey: (key: string) => err('NoSuchKey', 'The specified key does not exist.', 404, { Key: key }),
  noSuchUpload: (uploadId: string) =>
    err('NoSuchUpload', 'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.', 404, { UploadId: uploadId }),
  bucketAlreadyOwnedByYou: (bucket: string) =>
    err('BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded and you already own it.', 409, { BucketName: bucket }),
  bucketNotEmpty: (bucket: string) =>
    err('BucketNotEmpty', 'The bucket you tried to delete is not empty. Delete every object first.', 409, { BucketName: bucket }),
  invalidBucketName: (bucket: string) => err('InvalidBucketName', 'The specified bucket is not valid.', 400, { BucketName: bucket }),
  keyTooLong: () => err('KeyTooLongError', 'Your key is too long', 400, { MaxSizeAllowed: 1024 }),
  invalidRange: (range: string, size: number) =>
    err('InvalidRange', 'The requested range is not satisfiable', 416, { RangeRequested: range, ActualObjectSize: size }),
  preconditionFailed: (condition: string) => err('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', 412, { Condition: condition }),
  invalidPart: (partNumber: number, etag?: string) =>
    err('InvalidPart', 'One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part\'s entity tag.', 400, { PartNumber: partNumber, ETag: etag }),
  invalidPartOrder: () => err('InvalidPartOrder', 'The list of parts was not in ascending order. Parts must be ordered by part number.', 400),
  entityTooSmall: (size: number) =>
    err('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed object size (5 MiB for every part except the last).', 400, { ProposedSize: size, MinSizeAllowed: 5 * 1024 * 1024 }),
  metadataTooLarge: (size: number) =>
    err('MetadataTooLarge', 'Your metadata headers exceed the maximum allowed metadata size.', 400, { Size: size, MaxSizeAllowed: 2048 }),
  invalidTag: (message: string) => err('InvalidTag', message, 400),
  malformedPost: (message: string) => err('MalformedPOSTRequest', message, 400),
  malformedXml: () => err('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', 400),
  invalidArgument: (message: string, name?: string, value?: string) => err('InvalidArgument', message, 400, { ArgumentName: name, ArgumentValue: value }),
  invalidRequest: (message: string) => err('InvalidRequest', message, 400),
  badDigest: (message: string) => err('BadDigest', message, 400),
  invalidDigest: () => err('InvalidDigest', 'The Content-MD5 you specified was invalid.', 400),
  sha256Mismatch: (client: string, computed: string) =>
    err('XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.", 400, { ClientComputedContentSHA256: client, S3ComputedContentSHA256: computed }),
  incompleteBody: () => err('IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header', 400),
  noSuchCors: (bucket: string) => err('NoSuchCORSConfiguration', 'The CORS configuration does not exist', 404, { BucketName: bucket }),
  // Bucket configurations that are absent: 404 with these codes (S3 API Reference, "Error
  // responses", https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html, read 2026-12-03).
  noSuchTagSet: (bucket: string) => err('NoSuchTagSet', 'The TagSet does not exist', 404, { BucketName: bucket }),
  noSuchBucketPolicy: (bucket: string) => err('NoSuchBucketPolicy', 'The bucket policy does not exist', 404, { BucketName: bucket }),
  noSuchWebsite: (bucket: string) => err('NoSuchWebsiteConfiguration', 'The specified bucket does not have a website configuration', 404, { BucketName: bucket }),
  noSuchLifecycle: (bucket: string) => err('NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist', 404, { BucketName: bucket }),
  noReplication: (bucket: string) => err('ReplicationConfigurationNotFoundError', 'The replication configuration was not found', 404, { BucketName: bucket }),
  noObjectLock: (bucket: string) => err('ObjectLockConfigurationNotFoundError', 'Object Lock configuration does not exist for this bucket', 404, { BucketName: bucket }),
  methodNotAllowed: (method: string) => err('MethodNotAllowed', 'The specified method is not allowed against this resource.', 405, { Method: method, ResourceType: 'OBJECT' }),
  notImplemented: (what: string) =>
    err('NotImplemented', `The local cloud does not implement ${what} yet. Use the localstack or aws target for it.`, 501),
  corsForbidden: () => err('AccessForbidden', 'CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource\'s CORS spec.', 403),
  corsNotEnabled: () => err('AccessForbidden', 'CORSResponse: CORS is not enabled for this bucket.', 403),
};
