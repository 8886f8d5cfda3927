// The one error type of the local cloud. Each service declares one subclass per AWS error
// code (its `errors.ts`), raised anywhere in model or protocol; `errorSerializer.ts` writes
// them in the protocol of the request, in one place.
export type Protocol = 'json' | 'query' | 'restXml' | 'restJson';

export interface AwsErrorOptions {
  /** Who is at fault: Sender (4xx, default) or Receiver (5xx). */
  sender?: boolean;
  /** Extra fields: XML children of <Error> (S3) or extra JSON members. */
  fields?: Record<string, string | number | boolean | undefined>;
  /** Query-protocol code when it differs from the JSON one (SQS awsQueryCompatible). */
  queryCode?: string;
  headers?: Record<string, string>;
}

export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly options: AwsErrorOptions = {},
  ) {
    super(message);
    this.name = code;
  }
  get sender(): boolean {
    return this.options.sender ?? this.status < 500;
  }
}

/** Anything thrown that is not an AwsError becomes an InternalFailure; the server keeps serving. */
export function toAwsError(e: unknown): AwsError {
  if (e instanceof AwsError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new InternalFailure(`The local cloud failed to process the request: ${message}`);
}

// Errors the core itself raises, whatever the service.

export class InternalFailure extends AwsError {
  constructor(message: string) {
    super('InternalFailure', message, 500);
  }
}

export class ServiceNotImplemented extends AwsError {
  constructor(service: string) {
    super(
      'NotImplemented',
      `The local cloud does not implement the '${service}' service. Use the localstack or aws target for it.`,
      501,
    );
  }
}

export class RequestEntityTooLarge extends AwsError {
  constructor() {
    super('RequestEntityTooLarge', 'The request body is larger than the local cloud accepts (1 GiB).', 413);
  }
}

/** ServiceUnavailable is one of the common errors every AWS API may return (HTTP 503). */
export class ServiceUnavailable extends AwsError {
  constructor(message: string) {
    super('ServiceUnavailable', message, 503);
  }
}

/**
 * Ends a wait whose caller disconnected. Nobody receives it: the connection is gone. 499 is
 * nginx's "client closed request", so it is below 500 and never logged as the cloud's failure.
 */
export class CallerLeft extends AwsError {
  constructor() {
    super('CallerLeft', 'The caller disconnected before the answer was ready.', 499);
  }
}

/** Query protocol: a request without its Action parameter. */
export class MissingAction extends AwsError {
  constructor() {
    super('MissingAction', 'The request must contain the parameter Action.', 400);
  }
}

/** Query protocol: a body that is not a form. */
export class MalformedQueryString extends AwsError {
  constructor(message: string) {
    super('MalformedQueryString', message, 400);
  }
}
