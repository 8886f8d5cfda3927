// API Gateway REST (v1) in the local cloud: the restJson1 control plane and the invoke
// data plane (unsigned, or SigV4-signed for AWS_IAM methods under the `execute-api` name).
import { MissingAuthenticationTokenException, NotImplemented, SerializationException } from './errors';
import type { AwsRequest, AwsResponse, CloudContext, LocalService } from '../server/types';
import { executeApi, type DataPlane } from './dataplane/execute';
import { invokeTarget } from './dataplane/invokeTarget';
import { Throttle } from './dataplane/throttle';
import type { ApiGatewayEvent } from './model/events';
import { ApiStore, SERVICE_NAME } from './model/store';
import { matchRoute } from './protocol/routes';
import { jsonTooDeep, MAX_JSON_NESTING } from '../server/jsonNesting';

export function createApiGatewayService(ctx: CloudContext): LocalService {
  const store = new ApiStore(ctx.accountId, ctx.region, ctx.journal);
  const plane: DataPlane = { store, ctx, throttle: new Throttle() };

  async function handle(req: AwsRequest): Promise<AwsResponse> {
    if (req.service === 'execute-api') {
      const target = invokeTarget(req.rawPath, req.host);
      if (target) return executeApi(plane, req, target, true);
      throw new MissingAuthenticationTokenException();
    }
    const route = matchRoute(req.method, req.rawPath);
    if (!route) {
      throw new NotImplemented(req.method, req.path);
    }
    const reply = route.handler(store, {
      params: route.params,
      body: parseBody(req.body),
      query: req.query,
      now: Math.floor(Date.now() / 1000),
    });
    return {
      status: reply.status,
      headers: { 'content-type': 'application/json', 'x-amzn-requestid': req.requestId },
      body: reply.body === undefined ? '' : JSON.stringify(reply.body),
    };
  }

  return {
    name: SERVICE_NAME,
    aliases: ['execute-api'],
    handle,
    async handleUnsigned(req) {
      const target = invokeTarget(req.rawPath, req.host);
      return target ? executeApi(plane, req, target, false) : undefined;
    },
    snapshot: () => store.snapshot(),
    loadSnapshot: (snapshot) => store.load(snapshot),
    applyEvent: (event) => store.replay(event as ApiGatewayEvent),
  };
}

function parseBody(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  const text = body.toString('utf8');
  if (jsonTooDeep(text))
    throw new SerializationException(`The request body nests JSON deeper than ${MAX_JSON_NESTING} levels.`);
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new SerializationException('The request body is not a JSON object.');
}
