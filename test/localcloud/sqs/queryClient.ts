// A raw query-protocol client for tests: form-encoded POST, signed with SigV4 by the SDK's
// own signer, answer parsed from XML. Lets tests see exactly what older SDKs see.
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { XMLParser } from 'fast-xml-parser';

export interface QueryAnswer {
  status: number;
  headers: Headers;
  text: string;
  xml: Record<string, unknown>;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name) =>
    [
      'QueueUrl',
      'Message',
      'Attribute',
      'MessageAttribute',
      'Tag',
      'SendMessageBatchResultEntry',
      'BatchResultErrorEntry',
      'DeleteMessageBatchResultEntry',
    ].includes(name),
});

export async function queryCall(
  endpoint: string,
  credentials: { accessKeyId: string; secretAccessKey: string },
  params: Record<string, string>,
  options: { path?: string; sign?: boolean } = {},
): Promise<QueryAnswer> {
  const url = new URL(options.path ?? '/', endpoint);
  const body = new URLSearchParams({ Version: '2012-11-05', ...params }).toString();
  let headers: Record<string, string> = {
    host: url.host,
    'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
  };
  if (options.sign !== false) {
    const signer = new SignatureV4({ service: 'sqs', region: 'us-east-1', credentials, sha256: Sha256 });
    const signed = await signer.sign({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      headers,
      body,
    });
    headers = signed.headers as Record<string, string>;
  }
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    xml: text.startsWith('<') ? (parser.parse(text) as Record<string, unknown>) : {},
  };
}
