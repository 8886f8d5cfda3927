// fauxqs with the local cloud's SigV4 check in front: a peer for bench/sqs-throughput that
// pays for signature verification as the local cloud must (fauxqs itself checks none).
// The check runs in an onRequest hook on the headers (the SDK signs its x-amz-content-sha256),
// so the body's own hash, which the local cloud also computes, is left out: if anything,
// this peer is a little cheaper than a full verification. Prints `endpoint URL` once listening.
// Run by the benchmark: node --import tsx bench/lib/fauxqsSigned.mts
import { buildApp } from 'fauxqs';
import { parseScope, verifySignature, type VerifyResult } from '../../src/localcloud/server/sigv4';

const NO_QUERY = new URLSearchParams();
/** The credentials every fauxqs row of the benchmark signs with. */
const FAUXQS_SECRET = 'test';

interface RawRequest {
  method: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}
interface Reply {
  code(status: number): Reply;
  send(body: unknown): Reply;
}

async function main(): Promise<void> {
  const app = buildApp({ logger: false });
  // Callback style, and synchronous for a header-signed request: the hook adds as little as it can.
  app.addHook('onRequest', (request: { raw: RawRequest }, reply: Reply, done: () => void) => {
    const { method, headers } = request.raw;
    const url = request.raw.url ?? '/';
    const q = url.indexOf('?');
    const searchParams = q === -1 ? NO_QUERY : new URLSearchParams(url.slice(q + 1));
    const parsed = parseScope(headers, searchParams);
    if (parsed.kind !== 'scope') return done();
    const verdict = verifySignature({
      method,
      rawPath: q === -1 ? url : url.slice(0, q),
      searchParams,
      headers,
      body: undefined,
      scope: parsed.scope,
      secretAccessKey: FAUXQS_SECRET,
    });
    const answer = (v: VerifyResult) => {
      if (v.ok) done();
      else reply.code(403).send({ __type: v.code, message: v.message });
    };
    if (verdict instanceof Promise) void verdict.then(answer);
    else answer(verdict);
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(`endpoint ${address}`);
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
