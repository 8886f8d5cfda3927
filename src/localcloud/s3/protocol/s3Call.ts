// What every S3 operation handler receives, and small helpers for their answers.
import type { AwsRequest, AwsResponse, CloudContext } from '../../server/types';
import type { MultipartUploads } from '../model/multipart';
import type { Requester, S3Backend } from '../model/s3Backend';
import { xmlDocument } from './xml';

export interface S3Call {
  readonly req: AwsRequest;
  readonly ctx: CloudContext;
  readonly s3: S3Backend;
  readonly uploads: MultipartUploads;
  /** Empty for service-level operations (ListBuckets). */
  readonly bucket: string;
  /** Empty for bucket-level operations. */
  readonly key: string;
  readonly requester: Requester;
}

export type S3Handler = (call: S3Call) => Promise<AwsResponse> | AwsResponse;

export function xmlResponse(
  root: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
  status = 200,
): AwsResponse {
  return { status, headers: { 'content-type': 'application/xml', ...headers }, body: xmlDocument(root, body) };
}

export function emptyResponse(status = 200, headers: Record<string, string> = {}): AwsResponse {
  return { status, headers };
}

/** The bucket owner as ListBuckets, ListObjects and ListParts show it. */
export function owner(call: S3Call): { ID: string; DisplayName: string } {
  return { ID: `${call.ctx.accountId}`.padStart(64, '0'), DisplayName: 'localcloud' };
}
