// Writes an AwsError in the protocol of the request: the only place error bodies are made.
import type { AwsError, Protocol } from './errors';
import { escapeXml } from './xml';

/**
 * XML namespace of each query-protocol service's responses, errors included: `xmlNamespace` in
 * the botocore service models (data/sqs/2012-11-05, data/iam/2010-05-08, data/sts/2011-06-15
 * service-2.json, read 2026-12-03).
 */
export const QUERY_NAMESPACES: Readonly<Record<string, string>> = {
  sqs: 'http://queue.amazonaws.com/doc/2012-11-05/',
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
};

export interface SerializedError {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface ErrorTarget {
  protocol: Protocol;
  requestId: string;
  /** Signing name of the service answering; picks the query protocol's XML namespace. */
  service?: string;
  /** JSON services answer in the version they were asked in (SQS/SFN 1.0, Logs 1.1; default 1.0). */
  jsonContentType?: string;
}

export function serializeError(err: AwsError, target: ErrorTarget): SerializedError {
  const { requestId } = target;
  const headers: Record<string, string> = { ...(err.options.headers ?? {}) };
  const fault = err.sender ? 'Sender' : 'Receiver';
  switch (target.protocol) {
    case 'json': {
      headers['content-type'] = target.jsonContentType ?? 'application/x-amz-json-1.0';
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
      const namespace = QUERY_NAMESPACES[target.service ?? ''] ?? QUERY_NAMESPACES.sqs;
      const body =
        `<?xml version="1.0"?><ErrorResponse xmlns="${namespace}">` +
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
