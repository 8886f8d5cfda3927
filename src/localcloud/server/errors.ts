// One error class for every AWS error code, serialised per protocol in one place.
import { escapeXml } from './xml';

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

export interface SerializedError {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** `jsonContentType` picks the JSON protocol version (default 1.0). */
export function serializeError(err: AwsError, protocol: Protocol, requestId: string, jsonContentType = 'application/x-amz-json-1.0'): SerializedError {
  const headers: Record<string, string> = { ...(err.options.headers ?? {}) };
  const fault = err.sender ? 'Sender' : 'Receiver';
  switch (protocol) {
    case 'json': {
      headers['content-type'] = jsonContentType;
      headers['x-amzn-requestid'] = requestId;
      if (err.options.queryCode) headers['x-amzn-query-error'] = `${err.options.queryCode};${fault}`;
      const body = { __type: err.code, message: err.message, ...(err.options.fields ?? {}) };
      return { status: err.status, headers, body: JSON.stringify(body) };
    }
    case 'restJson': {
      headers['content-type'] = 'application/json';
      headers['x-amzn-requestid'] = requestId;
      headers['x-amzn-errortype'] = err.code;
      const body = { Type: err.sender ? 'User' : 'Service', message: err.message, ...(err.options.fields ?? {}) };
      return { status: err.status, headers, body: JSON.stringify(body) };
    }
    case 'query': {
      headers['content-type'] = 'text/xml';
      headers['x-amzn-requestid'] = requestId;
      const code = err.options.queryCode ?? err.code;
      const body =
        `<?xml version="1.0"?><ErrorResponse xmlns="http://queue.amazonaws.com/doc/2012-11-05/">` +
        `<Error><Type>${fault}</Type><Code>${escapeXml(code)}</Code><Message>${escapeXml(err.message)}</Message><Detail/></Error>` +
        `<RequestId>${requestId}</RequestId></ErrorResponse>`;
      return { status: err.status, headers, body };
    }
    case 'restXml': {
      headers['content-type'] = 'application/xml';
      headers['x-amz-request-id'] = requestId;
      const extra = Object.entries(err.options.fields ?? {})
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `<${k}>${escapeXml(String(v))}</${k}>`)
        .join('');
      const body =
        `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${escapeXml(err.code)}</Code>` +
        `<Message>${escapeXml(err.message)}</Message>${extra}<RequestId>${requestId}</RequestId>` +
        `<HostId>${requestId}</HostId></Error>`;
      return { status: err.status, headers, body };
    }
  }
}

/** Anything thrown that is not an AwsError becomes an InternalFailure; the server keeps serving. */
export function toAwsError(e: unknown): AwsError {
  if (e instanceof AwsError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new AwsError('InternalFailure', `The local cloud failed to process the request: ${message}`, 500);
}
