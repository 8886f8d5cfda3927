// The Lambda Runtime API (2018-06-01) for one execution environment: its runtime long-polls
// `invocation/next`, then posts the invocation's `response` or `error`, or `init/error`.
// One small listener on 127.0.0.1 per environment, so each knows exactly whom it serves.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OUTPUT_MARKERS_HEADER } from './outputLines';

/** AWS caps a synchronous response at 6 MB (plus a little framing). */
export const MAX_RESPONSE_BYTES = 6_291_556;

export interface InvocationRequest {
  requestId: string;
  payload: Buffer;
  deadlineMs: number;
  invokedFunctionArn: string;
  traceId: string;
  clientContext?: string;
  cognitoIdentity?: string;
}

export interface RuntimeApiEvents {
  /** The runtime is ready for work (the first call ends INIT). */
  next(): void;
  /** `markers`: the end-of-output markers the runtime says it wrote, when it says (0–2). */
  response(requestId: string, body: Buffer, markers: number | undefined): void;
  error(requestId: string, body: Buffer, errorType: string | undefined, markers: number | undefined): void;
  initError(body: Buffer, errorType: string | undefined): void;
  /** The runtime posted a response larger than AWS allows. */
  tooLarge(requestId: string): void;
}

export class RuntimeApiServer {
  private readonly server: Server;
  private waiting: ServerResponse | undefined;
  private current: string | undefined;

  constructor(private readonly events: RuntimeApiEvents) {
    this.server = createServer((req, res) => void this.route(req, res));
    this.server.keepAliveTimeout = 0;
    this.server.requestTimeout = 0;
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    return `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Hands an invocation to the runtime's pending `next` call. */
  deliver(inv: InvocationRequest): void {
    const res = this.waiting;
    if (!res) throw new Error('the runtime is not waiting for an invocation');
    this.waiting = undefined;
    this.current = inv.requestId;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'lambda-runtime-aws-request-id': inv.requestId,
      'lambda-runtime-deadline-ms': String(inv.deadlineMs),
      'lambda-runtime-invoked-function-arn': inv.invokedFunctionArn,
      'lambda-runtime-trace-id': inv.traceId,
      'content-length': String(inv.payload.length),
    };
    if (inv.clientContext) headers['lambda-runtime-client-context'] = inv.clientContext;
    if (inv.cognitoIdentity) headers['lambda-runtime-cognito-identity'] = inv.cognitoIdentity;
    res.writeHead(200, headers);
    res.end(inv.payload);
  }

  get isWaiting(): boolean {
    return this.waiting !== undefined;
  }

  close(): void {
    this.waiting?.destroy();
    this.server.close();
    this.server.closeAllConnections();
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '';
    if (req.method === 'GET' && url === '/2018-06-01/runtime/invocation/next') {
      req.resume(); // a body on `next` means nothing: read and dropped, it does not delay the wait
      this.waiting?.destroy();
      this.waiting = res;
      this.current = undefined;
      res.on('close', () => {
        if (this.waiting === res) this.waiting = undefined;
      });
      this.events.next();
      return;
    }
    const body = await readAll(req);
    const errorType = header(req, 'lambda-runtime-function-error-type');
    const m = /^\/2018-06-01\/runtime\/invocation\/([^/]+)\/(response|error)$/.exec(url);
    if (req.method === 'POST' && m) {
      const id = decodeURIComponent(m[1]!);
      if (id !== this.current)
        return reply(res, 400, { errorMessage: 'Invalid request ID', errorType: 'InvalidRequestID' });
      if (m[2] === 'response' && body.length > MAX_RESPONSE_BYTES) {
        this.current = undefined;
        this.events.tooLarge(id);
        return reply(res, 413, {
          errorMessage: `Exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes).`,
          errorType: 'RequestEntityTooLarge',
        });
      }
      this.current = undefined;
      reply(res, 202, { status: 'OK' });
      const markers = markerCount(header(req, OUTPUT_MARKERS_HEADER));
      if (m[2] === 'response') this.events.response(id, body, markers);
      else this.events.error(id, body, errorType, markers);
      return;
    }
    if (req.method === 'POST' && url === '/2018-06-01/runtime/init/error') {
      reply(res, 202, { status: 'OK' });
      this.events.initError(body, errorType);
      return;
    }
    reply(res, 404, {
      errorMessage: `The local cloud's Runtime API does not serve ${req.method} ${url}`,
      errorType: 'NotFound',
    });
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function markerCount(value: string | undefined): number | undefined {
  const n = Number(value);
  return value !== undefined && Number.isInteger(n) && n >= 0 && n <= 2 ? n : undefined;
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => resolve(Buffer.concat(chunks)));
  });
}
