// Bucket operations: ListBuckets, CreateBucket, HeadBucket, DeleteBucket, GetBucketLocation,
// GetBucketVersioning.
import { IllegalLocationConstraintException, InvalidArgument, NotImplemented } from '../errors';
import { emptyResponse, owner, xmlResponse, type S3Handler } from './s3Call';
import { queryString } from './requestHeaders';
import { child, isoDate, parseXmlBody, text } from './xml';

export const listBuckets: S3Handler = (call) => {
  const prefix = queryString(call.req, 'prefix') ?? '';
  const max = Math.min(Number(queryString(call.req, 'max-buckets') ?? 10000) || 10000, 10000);
  const after = queryString(call.req, 'continuation-token');
  const all = call.s3
    .listBuckets(prefix)
    .filter((b) => after === undefined || b.name > Buffer.from(after, 'base64url').toString());
  const page = all.slice(0, max);
  return xmlResponse('ListAllMyBucketsResult', {
    Owner: owner(call),
    Buckets: { Bucket: page.map((b) => ({ Name: b.name, CreationDate: isoDate(b.created), BucketRegion: b.region })) },
    ContinuationToken: all.length > max ? Buffer.from(page.at(-1)!.name).toString('base64url') : undefined,
    Prefix: queryString(call.req, 'prefix'),
  });
};

export const createBucket: S3Handler = (call) => {
  const requestRegion = call.req.region;
  let constraint: string | undefined;
  if (call.req.body.length > 0) {
    const config = parseXmlBody(call.req.body, 'CreateBucketConfiguration');
    constraint = text(config, 'LocationConstraint') || undefined;
    if (child(config, 'Location') || child(config, 'Bucket')) throw new NotImplemented('directory buckets');
  }
  if (constraint === 'us-east-1') {
    throw new InvalidArgument('The specified location-constraint is not valid', 'LocationConstraint', constraint);
  }
  const bucketRegion = constraint ?? 'us-east-1';
  // The us-east-1 endpoint creates buckets in any region; a regional one only in its own.
  if (requestRegion !== 'us-east-1' && bucketRegion !== requestRegion) {
    throw new IllegalLocationConstraintException(constraint);
  }
  call.s3.createBucket(call.bucket, bucketRegion);
  return emptyResponse(200, { location: `/${call.bucket}` });
};

export const headBucket: S3Handler = (call) => {
  const bucket = call.s3.bucket(call.bucket);
  return emptyResponse(200, { 'x-amz-bucket-region': bucket.region, 'x-amz-access-point-alias': 'false' });
};

export const deleteBucket: S3Handler = (call) => {
  call.s3.deleteBucket(call.bucket);
  return emptyResponse(204);
};

export const getBucketLocation: S3Handler = (call) => {
  const bucket = call.s3.bucket(call.bucket);
  // us-east-1 is reported as an empty constraint, as S3 does.
  return xmlResponse('LocationConstraint', bucket.region === 'us-east-1' ? {} : { '#text': bucket.region });
};

export const getBucketVersioning: S3Handler = (call) => {
  call.s3.bucket(call.bucket);
  return xmlResponse('VersioningConfiguration', {});
};
