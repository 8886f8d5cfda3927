// Raw HTTP for the core tests: requests signed (or not, or wrongly) exactly as a test needs.
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';

export interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
}

export interface RawRequest {
  endpoint: string;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Sign with these credentials for `service`; omit to send unsigned. */
  sign?: { accessKeyId: string; secretAccessKey: string; service?: string; signingDate?: Date };
  /** Changes the body after signing (a tampered request). */
  tamper?: (body: string) => string;
}

export async function rawRequest(r: RawRequest): Promise<RawAnswer> {
  const url = new URL(r.path ?? '/', r.endpoint);
  const method = r.method ?? 'POST';
  let headers: Record<string, string> = { host: url.host, ...(r.headers ?? {}) };
  const body = r.body ?? '';
  if (r.sign) {
    const signer = new SignatureV4({
      service: r.sign.service ?? 'sqs',
      region: 'us-east-1',
      sha256: Sha256,
      credentials: { accessKeyId: r.sign.accessKeyId, secretAccessKey: r.sign.secretAccessKey },
    });
    const query = Object.fromEntries(url.searchParams);
    const signed = await signer.sign(
      {
        method,
        protocol: url.protocol,
        hostname: url.hostname,
        port: Number(url.port),
        path: url.pathname,
        query,
        headers,
        body,
      },
      { signingDate: r.sign.signingDate },
    );
    headers = signed.headers as Record<string, string>;
  }
  const sent = r.tamper ? r.tamper(body) : body;
  const response = await fetch(url, {
    method,
    headers,
    body: method === 'GET' || method === 'HEAD' ? undefined : sent,
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** A JSON-protocol SQS request (X-Amz-Target: AmazonSQS.<action>). */
export function sqsJson(
  endpoint: string,
  action: string,
  input: unknown,
  sign?: RawRequest['sign'],
  body?: string,
): Promise<RawAnswer> {
  return rawRequest({
    endpoint,
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': action.includes('.') ? action : `AmazonSQS.${action}`,
    },
    body: body ?? JSON.stringify(input),
    sign,
  });
}
