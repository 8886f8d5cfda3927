// Writing answers: AWS responses and errors (in the protocol the request was made in), and
// refusals sent before a body is read. The HTTP core's last step for every request.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { toAwsError, type AwsError } from './errors';
import { serializeError, type ErrorTarget } from './errorSerializer';
import { guessProtocol } from './protocolGuess';
import { declaredLength, readBody, tooLarge } from './requestBody';
import type { AwsResponse } from './types';

/** How long a refused request's remaining body is drained before its connection closes. */
const REFUSED_BODY_GRACE_MS = 2000;

export function whereOf(service: string | undefined, headers: IncomingMessage['headers']): Where {
  return { protocol: guessProtocol(service, headers), service };
}

/** The whole body, or undefined once the request was refused (too large, or cut short). */
export async function readWithin(
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  service: string | undefined,
  limit: number,
): Promise<Buffer | undefined> {
  const declared = declaredLength(req);
  if (declared !== undefined && declared > limit)
    return void (await refuse(req, res, requestId, tooLarge(service, limit), service));
  if (/^100-continue$/i.test(String(req.headers.expect ?? ''))) res.writeContinue();
  try {
    return await readBody(req, limit, () => tooLarge(service, limit));
  } catch (e) {
    return void (await refuse(req, res, requestId, toAwsError(e), service));
  }
}

/**
 * Answers without taking the body in: what the client still sends is discarded as it comes
 * (so it can read the answer instead of failing with a broken pipe), and the connection is
 * closed if the client keeps sending past a short grace period.
 */
export async function refuse(
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  err: AwsError,
  service: string | undefined,
): Promise<void> {
  if (!req.complete) {
    res.once('finish', () => {
      if (req.complete) return;
      const timer = setTimeout(() => req.socket.destroy(), REFUSED_BODY_GRACE_MS).unref();
      req.once('end', () => clearTimeout(timer));
    });
  }
  await sendError(res, err, whereOf(service, req.headers), requestId, req.headers);
}

export async function send(res: ServerResponse, answer: AwsResponse): Promise<void> {
  const headers: Record<string, string | string[]> = { ...answer.headers };
  const body = answer.body;
  if (body instanceof Readable) {
    res.writeHead(answer.status, headers);
    body.pipe(res);
    return;
  }
  if (!hasContentLength(headers))
    headers['content-length'] = String(
      body === undefined ? 0 : typeof body === 'string' ? Buffer.byteLength(body) : body.length,
    );
  res.writeHead(answer.status, headers);
  // A string body goes out as it is: Node writes it with the headers in one write, where a
  // Buffer would take a second one.
  res.end(body);
}

function hasContentLength(headers: Record<string, unknown>): boolean {
  for (const name in headers) if (name.length === 14 && name.toLowerCase() === 'content-length') return true;
  return false;
}

/** The protocol an error is written in and the service (if known) that answers it. */
export type Where = Pick<ErrorTarget, 'protocol' | 'service'>;

export function sendError(
  res: ServerResponse,
  err: AwsError,
  where: Where,
  requestId: string,
  requestHeaders: IncomingMessage['headers'],
): Promise<void> {
  // JSON services answer in the version they were asked in (SQS/SFN 1.0, Logs 1.1).
  const jsonContentType = /^application\/x-amz-json-1\.[01]/.exec(String(requestHeaders['content-type'] ?? ''))?.[0];
  return send(res, serializeError(err, { ...where, requestId, jsonContentType }));
}
