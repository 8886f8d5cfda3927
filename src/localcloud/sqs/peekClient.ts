// Client for the local cloud's non-destructive peek (the message viewer uses it): a SigV4-
// signed JSON request with X-Amz-Target: LocalCloud.PeekMessages to the sqs service. Reading
// never changes receive counts or visibility. Works against the local cloud only.
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import type { PeekResult } from './peekTypes';

export type { PeekResult, PeekedMessage, PeekState } from './peekTypes';

export const PEEK_TARGET = 'LocalCloud.PeekMessages';

export interface PeekClientConfig {
  /** The local cloud's endpoint, e.g. http://127.0.0.1:4566. */
  endpoint: string;
  region?: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

export class PeekError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = code;
  }
}

/** Every message of the queue with its state (visible / in flight / delayed), in queue order. */
export async function peekMessages(config: PeekClientConfig, queueUrl: string): Promise<PeekResult> {
  const url = new URL(config.endpoint);
  const region = config.region ?? 'us-east-1';
  const body = JSON.stringify({ QueueUrl: queueUrl });
  const signer = new SignatureV4({ service: 'sqs', region, credentials: config.credentials, sha256: Sha256 });
  const signed = await signer.sign({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    path: '/',
    headers: {
      host: url.host,
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': PEEK_TARGET,
    },
    body,
  });
  const response = await fetch(new URL('/', url), { method: 'POST', headers: signed.headers, body });
  const text = await response.text();
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new PeekError(
      'InvalidResponse',
      `The endpoint answered ${response.status} with a body that is not JSON; is ${config.endpoint} a local cloud?`,
      response.status,
    );
  }
  if (!response.ok) {
    const code = String(parsed.__type ?? 'UnknownError')
      .split('#')
      .pop()!;
    throw new PeekError(
      code,
      String(parsed.message ?? parsed.Message ?? `Peek failed with HTTP ${response.status}`),
      response.status,
    );
  }
  return parsed as unknown as PeekResult;
}
