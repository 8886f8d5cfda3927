// The local cloud: one HTTP server on one port for every service, dispatching by the SigV4
// credential scope, verifying signatures, and making every mutation durable before answering.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { AwsError, ServiceNotImplemented, toAwsError } from './errors';
import { authError, malformedSignature } from './authErrors';
import { storageFailure } from './storageFailure';
import { Journal } from './journal';
import { loadOrCreateCredentials, type LocalCredentials } from './credentials';
import { lockStateDir } from './stateDirLock';
import { isAllowedHost } from './hostCheck';
import { crossSiteReason } from './browserRequests';
import { bodyLimit, UNSIGNED_DATA_PLANE_LIMIT } from './requestBody';
import { readWithin, refuse, send, sendError, whereOf, type Where } from './answers';
import {
  parseScope,
  payloadHashMatches,
  signsPayloadHash,
  verifySignature,
  type ScopeResult,
  type SigV4Scope,
  type VerifyResult,
} from './sigv4';
import { inferUnsignedService } from './unsignedService';
import { SERVICE_CATALOG } from '../services';
import { ServiceSet } from './serviceSet';
import { IncomingAwsRequest } from './incomingRequest';
import type { AwsRequest, AwsResponse, CloudContext, LocalService, ServiceFactory } from './types';

export interface LocalCloudOptions {
  port?: number;
  host?: string;
  stateDir?: string;
  /** Verify SigV4 signatures against the local cloud's credentials (default true). */
  auth?: boolean;
  region?: string;
  /** Services to run, all created at start; defaults to every service of the local cloud, each created on first use. */
  services?: readonly ServiceFactory[];
  log?: (line: string) => void;
}

export interface LocalCloud {
  readonly endpoint: string;
  readonly port: number;
  readonly host: string;
  readonly region: string;
  readonly accountId: string;
  readonly credentials: LocalCredentials;
  readonly stateDir?: string;
  stop(): Promise<void>;
}

export const ACCOUNT_ID = '000000000000';

export async function startLocalCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  const host = options.host ?? '127.0.0.1';
  const region = options.region ?? 'us-east-1';
  const auth = options.auth ?? true;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  // Everything that can refuse the start (a busy or damaged state dir) comes before the port
  // opens: a server that cannot restore never half-starts.
  const journal = new Journal(options.stateDir, log);
  const lock = options.stateDir ? lockStateDir(options.stateDir) : undefined;
  const server = createServer();
  const services = new ServiceSet(options.services ? [] : SERVICE_CATALOG);
  let credentials: LocalCredentials;
  let endpoint: string;
  let port: number;
  try {
    credentials = loadOrCreateCredentials(options.stateDir);
    const restored = journal.restore();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 4566, host, () => resolve());
    });
    port = (server.address() as AddressInfo).port;
    endpoint = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

    const ctx: CloudContext = {
      region,
      accountId: ACCOUNT_ID,
      endpoint,
      port,
      credentials,
      stateDir: options.stateDir,
      journal,
      services,
      log,
    };
    await services.restore(ctx, options.services ?? [], restored, log);
    await journal.open(() => services.snapshots());
    await services.start();
  } catch (e) {
    if (server.listening) server.close();
    await services.stop().catch(() => undefined);
    journal.abandon();
    lock?.release();
    throw e;
  }
  server.keepAliveTimeout = 65_000;
  // An `Expect: 100-continue` client waits for the headers to be judged before sending its body.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => server.emit('request', req, res));
  server.on('request', (req, res) => {
    handle(req, res).catch((e: unknown) => {
      log(`local cloud: unexpected failure: ${e instanceof Error ? e.stack : String(e)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal failure in the local cloud');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const hostHeader = req.headers.host;
    if (!isAllowedHost(hostHeader)) {
      req.resume();
      return send(res, {
        status: 403,
        headers: { 'content-type': 'text/plain' },
        body: `Host '${hostHeader ?? ''}' is not allowed: the local cloud answers only localhost, 127.0.0.1, [::1] and *.localhost.`,
      });
    }
    const head = new IncomingAwsRequest(req, res, region, requestId);

    if (head.method === 'GET' && head.rawPath === '/_localcloud/health') {
      req.resume();
      return send(res, {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'running', endpoint, region, services: services.names() }),
      });
    }

    // Everything up to the body is decided on the headers: who signed, for which service,
    // whether a web page sent it, and how large a body it may carry.
    const parsed = parseScope(req.headers, head.searchParams);
    return parsed.kind === 'scope'
      ? handleSigned(req, res, head, parsed.scope)
      : handleUnsigned(req, res, head, parsed);
  }

  /** No SigV4 scope: a data plane's request, or (with --no-auth) a control plane's by its shape. */
  async function handleUnsigned(
    req: IncomingMessage,
    res: ServerResponse,
    head: IncomingAwsRequest,
    parsed: Exclude<ScopeResult, { kind: 'scope' }>,
  ): Promise<void> {
    const { requestId } = head;
    const guessed = inferUnsignedService(head);
    const crossSite = auth ? undefined : crossSiteReason(head.method, req.headers, false);
    // With auth, an unsigned request can only be for a data plane; without, a page's request too.
    const limit =
      auth || crossSite ? UNSIGNED_DATA_PLANE_LIMIT : Math.max(UNSIGNED_DATA_PLANE_LIMIT, bodyLimit(guessed));
    const body = await readWithin(req, res, requestId, guessed, limit);
    if (!body) return;
    head.body = body;
    // Data plane (function URLs, API Gateway invoke, S3 preflight/form uploads) first: its
    // callers may send an Authorization header of their own (e.g. a Bearer token).
    for (const s of await services.dataPlanes()) {
      const { result, lastSeq } = await journal.track(() => s.handleUnsigned!(head));
      if (result.status === 'rejected') throw result.reason;
      if (result.value)
        return answerDurably(res, result.value, lastSeq, whereOf(s.name, req.headers), requestId, req.headers);
    }
    if (parsed.kind === 'malformed') {
      return sendError(
        res,
        malformedSignature(parsed.code, parsed.reason),
        whereOf(undefined, req.headers),
        requestId,
        req.headers,
      );
    }
    const name = inferUnsignedService(head);
    // A web page's request is refused as such; only --no-auth serves an unsigned control-plane call.
    if (crossSite)
      return sendError(res, crossSiteError(name, crossSite), whereOf(name, req.headers), requestId, req.headers);
    const service = !auth && name ? await services.ensure(name) : undefined;
    if (service) {
      head.service = name;
      return dispatch(res, service, head, requestId);
    }
    return sendError(
      res,
      authError(name, 'MissingAuthenticationToken', 'Request is missing Authentication Token'),
      whereOf(name, req.headers),
      requestId,
      req.headers,
    );
  }

  /** A SigV4-signed request: its credentials and signature are checked, then its service answers. */
  async function handleSigned(
    req: IncomingMessage,
    res: ServerResponse,
    head: IncomingAwsRequest,
    scope: SigV4Scope,
  ): Promise<void> {
    const { requestId } = head;
    // --no-auth takes any credentials, but a web page's request must prove it holds the real ones.
    const crossSite = auth ? undefined : crossSiteReason(head.method, req.headers, true);
    const verify = auth || crossSite !== undefined;
    if (verify && scope.accessKeyId !== credentials.accessKeyId) {
      if (crossSite) return refuse(req, res, requestId, crossSiteError(scope.service, crossSite), scope.service);
      return refuse(
        req,
        res,
        requestId,
        authError(scope.service, 'InvalidClientTokenId', 'The security token included in the request is invalid.'),
        scope.service,
      );
    }
    // A signature that covers the payload through its hash header is checked before the body is read.
    const early = verify && signsPayloadHash(scope);
    if (early) {
      let failure = signatureFailure(head, scope, undefined, crossSite);
      if (failure instanceof Promise) failure = await failure;
      if (failure) return refuse(req, res, requestId, failure, scope.service);
    }
    const body = await readWithin(req, res, requestId, scope.service, bodyLimit(scope.service));
    if (!body) return;
    if (verify) {
      let failure = early
        ? payloadHashMatches(scope, req.headers, body)
          ? undefined
          : authError(
              scope.service,
              'SignatureDoesNotMatch',
              'The x-amz-content-sha256 header does not match the SHA-256 of the request body.',
            )
        : signatureFailure(head, scope, body, crossSite);
      if (failure instanceof Promise) failure = await failure;
      if (failure) return sendError(res, failure, whereOf(scope.service, req.headers), requestId, req.headers);
    }
    const service = services.get(scope.service) ?? (await services.ensure(scope.service));
    if (!service) {
      return sendError(
        res,
        new ServiceNotImplemented(scope.service),
        whereOf(scope.service, req.headers),
        requestId,
        req.headers,
      );
    }
    head.body = body;
    head.service = scope.service;
    head.region = scope.region;
    head.accessKeyId = scope.accessKeyId;
    head.presigned = scope.presigned;
    return dispatch(res, service, head, requestId);
  }

  /**
   * The error a failed signature check answers with, or undefined when the signature holds.
   * Synchronous for a header-signed request; a promise only for a presigned URL.
   */
  function signatureFailure(
    head: IncomingAwsRequest,
    scope: SigV4Scope,
    body: Buffer | undefined,
    crossSite: string | undefined,
  ): AwsError | undefined | Promise<AwsError | undefined> {
    const verdict = verifySignature({
      method: head.method,
      rawPath: head.rawPath,
      searchParams: head.searchParams,
      headers: head.headers,
      body,
      scope,
      secretAccessKey: credentials.secretAccessKey,
    });
    const failure = (v: VerifyResult) =>
      v.ok
        ? undefined
        : crossSite
          ? crossSiteError(scope.service, crossSite)
          : authError(scope.service, v.code, v.message);
    return verdict instanceof Promise ? verdict.then(failure) : failure(verdict);
  }

  async function dispatch(
    res: ServerResponse,
    service: LocalService,
    request: AwsRequest,
    requestId: string,
  ): Promise<void> {
    // In memory nothing needs attributing or flushing: the handler's own promise is all there is.
    if (!journal.durable) {
      let answer: AwsResponse | AwsError;
      try {
        answer = await service.handle(request);
      } catch (e) {
        answer = failureAnswer(service, e);
      }
      return answer instanceof AwsError
        ? sendError(res, answer, whereOf(service.name, request.headers), requestId, request.headers)
        : send(res, answer);
    }
    const { result, lastSeq } = await journal.track(() => service.handle(request));
    const answer = result.status === 'fulfilled' ? result.value : failureAnswer(service, result.reason);
    return answerDurably(res, answer, lastSeq, whereOf(service.name, request.headers), requestId, request.headers);
  }

  /** A handler's failure as the AWS error it answers with; an unexpected one is logged. */
  function failureAnswer(service: LocalService, e: unknown): AwsError {
    const err = toAwsError(storageFailure(e));
    if (err.status >= 500 && err.code !== 'ServiceUnavailable')
      log(`local cloud: ${service.name}: ${e instanceof Error ? e.stack : String(e)}`);
    return err;
  }

  /**
   * Nothing is acknowledged before it is durable: the events the request appended are flushed
   * first, and when they cannot be, the answer becomes the 503 instead. A request that changed
   * nothing is answered even while the disk is full.
   */
  async function answerDurably(
    res: ServerResponse,
    answer: AwsResponse | AwsError,
    lastSeq: number,
    where: Where,
    requestId: string,
    headers: IncomingMessage['headers'],
  ): Promise<void> {
    if (journal.durable) {
      try {
        await journal.flush(lastSeq > 0 ? lastSeq : undefined);
      } catch (e) {
        if (lastSeq > 0) return sendError(res, toAwsError(e), where, requestId, headers);
      }
    }
    return answer instanceof AwsError ? sendError(res, answer, where, requestId, headers) : send(res, answer);
  }

  const stop = async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), 2000).unref();
    });
    await services.stop();
    await journal.close();
    lock?.release();
  };

  return { endpoint, port, host, region, accountId: ACCOUNT_ID, credentials, stateDir: options.stateDir, stop };
}

function crossSiteError(service: string | undefined, reason: string): AwsError {
  return authError(
    service,
    'MissingAuthenticationToken',
    `The local cloud refuses this request because ${reason}. Even with --no-auth, a web page's request to a control plane needs a SigV4 signature made with the local cloud's own credentials.`,
  );
}
