// The S3 service of the local cloud: addressing, routing, CORS and error shaping around the
// model. State is durable through journal events + snapshot; bodies are blob files.
import { AwsError, toAwsError } from '../server/errors';
import { BadRequest } from './errors';
import { serializeError } from '../server/errorSerializer';
import type { AwsRequest, AwsResponse, CloudContext, LocalService } from '../server/types';
import { MultipartUploads } from './model/multipart';
import { S3Backend } from './model/s3Backend';
import type { S3Event, S3Snapshot } from './model/types';
import { corsResponseHeaders, preflight } from './protocol/corsHeaders';
import { isFormUpload, postObject } from './protocol/postObjectHandler';
import { route } from './protocol/router';
import type { S3Call } from './protocol/s3Call';
import { isS3Host, resolveAddress } from './protocol/s3Address';

export class S3Service implements LocalService {
  readonly name = 's3';
  readonly backend: S3Backend;
  readonly uploads: MultipartUploads;

  constructor(private readonly ctx: CloudContext) {
    this.backend = new S3Backend(ctx);
    this.uploads = new MultipartUploads(this.backend);
  }

  async handle(req: AwsRequest): Promise<AwsResponse> {
    if (req.method === 'OPTIONS') return this.answer(req, () => this.preflight(req));
    return this.answer(req, async () => {
      const { bucket, key } = resolveAddress(req.host, req.rawPath);
      return route(req, bucket, key)(this.call(req, bucket ?? '', key ?? ''));
    });
  }

  private call(req: AwsRequest, bucket: string, key: string): S3Call {
    const requester = {
      requestId: req.requestId,
      sourceIp: req.sourceIp,
      principalId: req.accessKeyId ? `AWS:${req.accessKeyId}` : 'Anonymous',
    };
    return { req, ctx: this.ctx, s3: this.backend, uploads: this.uploads, bucket, key, requester };
  }

  /**
   * Browsers send CORS preflights and form uploads (POST Object, authorised by a signed policy)
   * unsigned; they are S3's when they name an S3 bucket.
   */
  async handleUnsigned(req: AwsRequest): Promise<AwsResponse | undefined> {
    const preflightRequest = req.method === 'OPTIONS' && req.headers.origin !== undefined;
    const formUpload = isFormUpload({ req });
    if ((!preflightRequest && !formUpload) || !isS3Host(req.host)) return undefined;
    let address: ReturnType<typeof resolveAddress>;
    try {
      address = resolveAddress(req.host, req.rawPath);
    } catch {
      return undefined;
    }
    const { bucket, key, hostStyle } = address;
    if (!bucket || !(hostStyle || this.backend.state.buckets.has(bucket))) return undefined;
    if (preflightRequest) return this.answer(req, () => this.preflight(req));
    if (key) return undefined;
    return this.answer(req, () => postObject(this.call(req, bucket, '')));
  }

  private preflight(req: AwsRequest): AwsResponse {
    const { bucket } = resolveAddress(req.host, req.rawPath);
    if (!bucket) throw new BadRequest('Insufficient information. Origin request header needed.');
    return preflight(req, this.backend.bucket(bucket).cors);
  }

  /** Runs an operation; adds CORS headers; HEAD errors carry no body, as on S3. */
  private async answer(req: AwsRequest, operation: () => Promise<AwsResponse> | AwsResponse): Promise<AwsResponse> {
    let response: AwsResponse;
    try {
      response = await operation();
    } catch (e) {
      const err = toAwsError(e);
      if (err.status >= 500 && !(e instanceof AwsError))
        this.ctx.log(`s3: ${e instanceof Error ? e.stack : String(e)}`);
      const serialized = serializeError(err, { protocol: 'restXml', requestId: req.requestId });
      response = {
        status: serialized.status,
        headers: serialized.headers,
        body: req.method === 'HEAD' ? undefined : serialized.body,
      };
    }
    const headers = { 'x-amz-request-id': req.requestId, 'x-amz-id-2': req.requestId, ...(response.headers ?? {}) };
    if (req.method !== 'OPTIONS') Object.assign(headers, corsResponseHeaders(req, this.bucketCors(req)));
    return { ...response, headers };
  }

  private bucketCors(req: AwsRequest) {
    if (!req.headers.origin) return undefined;
    try {
      const { bucket } = resolveAddress(req.host, req.rawPath);
      return bucket ? this.backend.state.buckets.get(bucket)?.cors : undefined;
    } catch {
      return undefined;
    }
  }

  loadSnapshot(snapshot: unknown): void {
    this.backend.state.load(snapshot as S3Snapshot);
  }

  applyEvent(event: unknown): void {
    this.backend.state.apply(event as S3Event);
  }

  snapshot(): unknown {
    return this.backend.state.snapshot();
  }

  async start(): Promise<void> {
    // Bodies written just before a crash, whose change never reached the journal.
    if (this.ctx.journal.durable) await this.backend.blobs.sweep(this.backend.state.referencedBlobs());
    this.backend.notifier.resume([...this.backend.state.outbox.values()]);
  }

  async stop(): Promise<void> {
    await this.backend.notifier.idle();
  }
}

export function createS3Service(ctx: CloudContext): LocalService {
  return new S3Service(ctx);
}
