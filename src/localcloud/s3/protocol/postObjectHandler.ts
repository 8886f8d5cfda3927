// POST Object: browser form uploads (multipart/form-data) authorised by a signed policy, as
// @aws-sdk/s3-presigned-post creates them. Browsers send these unsigned, with CORS.
import type { AwsResponse } from '../../server/types';
import { InvalidArgument, MalformedPOSTRequest } from '../errors';
import { CHECKSUM_ALGORITHMS } from '../model/types';
import { verifyPostPolicy, type FormFields } from './postPolicy';
import { header } from './requestHeaders';
import { xmlResponse, type S3Call } from './s3Call';

export function isFormUpload(call: Pick<S3Call, 'req'>): boolean {
  return (
    call.req.method === 'POST' &&
    (header(call.req, 'content-type') ?? '').toLowerCase().startsWith('multipart/form-data')
  );
}

export async function postObject(call: S3Call): Promise<AwsResponse> {
  call.s3.bucket(call.bucket);
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(call.req.body), {
      headers: { 'content-type': header(call.req, 'content-type') ?? '' },
    }).formData();
  } catch {
    throw new MalformedPOSTRequest('The body of your POST request is not well-formed multipart/form-data.');
  }
  const fields: FormFields = new Map();
  let file: File | undefined;
  for (const [name, value] of form) {
    if (typeof value === 'string') fields.set(name.toLowerCase(), value);
    else if (name.toLowerCase() === 'file') file = value;
  }
  if (!file) throw new InvalidArgument('POST requires exactly one file upload per request.', 'file', '0');
  const body = Buffer.from(await file.arrayBuffer());
  verifyPostPolicy({
    fields,
    bucket: call.bucket,
    fileSize: body.length,
    accessKeyId: call.ctx.credentials.accessKeyId,
    secretAccessKey: call.ctx.credentials.secretAccessKey,
  });
  const keyField = fields.get('key');
  if (!keyField)
    throw new InvalidArgument(
      "Bucket POST must contain a field named 'key'.  If it is specified, please check the order of the fields.",
      'key',
      '',
    );
  const key = keyField.replace(/\$\{filename\}/g, file.name);
  const metadata = Object.create(null) as Record<string, string>; // user-chosen names: no prototype
  for (const [name, value] of fields)
    if (name.startsWith('x-amz-meta-')) metadata[name.slice('x-amz-meta-'.length)] = value;
  const algorithm = CHECKSUM_ALGORITHMS.find((a) => fields.has(`x-amz-checksum-${a.toLowerCase()}`));
  const accessKeyId = fields.get('x-amz-credential')!.split('/')[0]!;
  const object = await call.s3.putObject(
    {
      bucket: call.bucket,
      key,
      body,
      metadata,
      eventName: 'ObjectCreated:Post',
      headers: {
        contentType: fields.get('content-type') ?? 'binary/octet-stream',
        cacheControl: fields.get('cache-control'),
        contentDisposition: fields.get('content-disposition'),
        contentEncoding: fields.get('content-encoding'),
        expires: fields.get('expires'),
      },
      checksum: algorithm ? { algorithm, value: fields.get(`x-amz-checksum-${algorithm.toLowerCase()}`) } : undefined,
      storageClass: fields.get('x-amz-storage-class'),
    },
    { ...call.requester, principalId: `AWS:${accessKeyId}` },
  );
  const location = `${call.ctx.endpoint}/${call.bucket}/${encodeURIComponent(key).replace(/%2F/g, '/')}`;
  const redirect = fields.get('success_action_redirect');
  if (redirect) {
    const target = new URL(redirect);
    target.searchParams.set('bucket', call.bucket);
    target.searchParams.set('key', key);
    target.searchParams.set('etag', object.etag);
    return { status: 303, headers: { location: target.toString(), etag: object.etag } };
  }
  const status = fields.get('success_action_status');
  if (status === '201')
    return xmlResponse(
      'PostResponse',
      { Location: location, Bucket: call.bucket, Key: key, ETag: object.etag },
      { etag: object.etag, location },
      201,
    );
  return { status: status === '200' ? 200 : 204, headers: { etag: object.etag, location } };
}
