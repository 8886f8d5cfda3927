// The AwsRequest the HTTP core hands a service: built once per request from the URL and
// headers, then completed in place (body, signing scope) as the core learns them. One object
// with a fixed shape keeps the hot path free of copies, and the abort signal is made only
// when a service asks for it: most requests (a send, a delete) never wait on anything.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AwsRequest } from './types';

/** Shared by every request without a query string (most of them); nothing writes to it. */
const NO_QUERY: URLSearchParams = new URLSearchParams();
const NO_BODY = Buffer.alloc(0);

export class IncomingAwsRequest implements AwsRequest {
  readonly method: string;
  readonly rawPath: string;
  readonly path: string;
  readonly query: Record<string, string | string[]>;
  readonly searchParams: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly rawHeaders: readonly string[];
  body: Buffer = NO_BODY;
  readonly host: string;
  service: string | undefined = undefined;
  region: string;
  accessKeyId: string | undefined = undefined;
  readonly requestId: string;
  readonly sourceIp: string;
  presigned = false;
  private controller: AbortController | undefined = undefined;

  constructor(
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
    region: string,
    requestId: string,
  ) {
    const rawUrl = req.url ?? '/';
    const queryStart = rawUrl.indexOf('?');
    this.rawPath = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart);
    this.searchParams = queryStart === -1 ? NO_QUERY : new URLSearchParams(rawUrl.slice(queryStart + 1));
    this.path = decodePath(this.rawPath);
    this.query = queryRecord(this.searchParams);
    this.method = req.method ?? 'GET';
    this.headers = req.headers;
    this.rawHeaders = req.rawHeaders;
    this.host = req.headers.host ?? '';
    this.region = region;
    this.requestId = requestId;
    this.sourceIp = req.socket.remoteAddress ?? '127.0.0.1';
  }

  /**
   * Aborts when the client goes away before its answer is written, so long polls and waits on
   * its behalf end and release what they hold. Asked after the client has already gone, it is
   * aborted from the start.
   */
  get signal(): AbortSignal {
    if (this.controller) return this.controller.signal;
    const controller = new AbortController();
    this.controller = controller;
    const res = this.res;
    if (this.req.socket.destroyed && !res.writableFinished) controller.abort();
    else
      res.once('close', () => {
        if (!res.writableFinished) controller.abort();
      });
    return controller.signal;
  }
}

function decodePath(rawPath: string): string {
  if (!rawPath.includes('%')) return rawPath;
  try {
    return decodeURIComponent(rawPath);
  } catch {
    return rawPath;
  }
}

/** The decoded query; repeated keys become arrays. User-chosen names: no prototype. */
function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const query = Object.create(null) as Record<string, string | string[]>;
  if (params === NO_QUERY) return query;
  for (const [k, v] of params) {
    const prev = query[k];
    query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return query;
}
