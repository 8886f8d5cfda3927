// Contracts between the local cloud's HTTP core and its services.
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import type { Journal } from './journal';

/** One parsed HTTP request, body fully read. Header names are lower-case. */
export interface AwsRequest {
  readonly method: string;
  /** Raw (still percent-encoded) path, without the query string. */
  readonly rawPath: string;
  /** Decoded path. */
  readonly path: string;
  /** Decoded query; repeated keys become arrays. */
  readonly query: Record<string, string | string[]>;
  readonly searchParams: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** Header names and values as sent (name casing and repeats kept), alternating. */
  readonly rawHeaders?: readonly string[];
  readonly body: Buffer;
  /** Host header as sent (e.g. `bucket.s3.localhost:4566`). */
  readonly host: string;
  /** Signing service from the SigV4 credential scope; undefined for unsigned requests. */
  readonly service?: string;
  readonly region: string;
  /** Access key that signed the request (after verification). */
  readonly accessKeyId?: string;
  /** Unique id, returned as x-amzn-RequestId / x-amz-request-id. */
  readonly requestId: string;
  /** Remote address, for data-plane events (API Gateway sourceIp). */
  readonly sourceIp: string;
  /** True when the signature was carried in the query string (presigned URL). */
  readonly presigned: boolean;
  /** Aborts when the client disconnects before the answer is sent: long polls and waits end. */
  readonly signal?: AbortSignal;
}

export interface AwsResponse {
  status: number;
  headers?: Record<string, string | string[]>;
  body?: string | Buffer | Readable;
}

/** Process-wide facts every service needs. */
export interface CloudContext {
  readonly region: string;
  readonly accountId: string;
  /** Base URL clients use, e.g. http://127.0.0.1:4566 (no trailing slash). */
  readonly endpoint: string;
  readonly port: number;
  readonly credentials: { accessKeyId: string; secretAccessKey: string };
  /** Absent without a state dir. */
  readonly stateDir?: string;
  readonly journal: Journal;
  /** Other services, for cross-service calls (S3 → SQS notifications, SQS → Lambda…). */
  readonly services: ServiceRegistry;
  /** Log a line to the local cloud's own log (stderr of `hoc cloud`). */
  log(message: string): void;
}

export interface ServiceRegistry {
  get<T extends LocalService>(name: string): T | undefined;
}

/**
 * One AWS service of the local cloud. The model keeps state; the protocol layer parses
 * requests and serialises answers. Durable state goes through CloudContext.journal.
 */
export interface LocalService {
  /** SigV4 signing name: sqs, s3, lambda, apigateway, states, logs … */
  readonly name: string;
  /** Other signing names this service also answers (e.g. `execute-api`). */
  readonly aliases?: readonly string[];
  /** Handle a request whose SigV4 scope names this service (already verified). */
  handle(req: AwsRequest): Promise<AwsResponse>;
  /**
   * Data-plane requests that arrive without a signature (function URLs, API Gateway invoke,
   * S3 CORS preflight, anonymous S3). Return undefined when the request is not this service's.
   */
  handleUnsigned?(req: AwsRequest): Promise<AwsResponse | undefined>;
  /** Restore persisted state: snapshot first, then every journal event after it. */
  loadSnapshot?(snapshot: unknown): void;
  applyEvent?(event: unknown): void;
  snapshot?(): unknown;
  /** Called once every service has been restored, before the server listens. */
  start?(): Promise<void> | void;
  /** Graceful shutdown: stop timers and child processes. */
  stop?(): Promise<void> | void;
}

export type ServiceFactory = (ctx: CloudContext) => LocalService;
