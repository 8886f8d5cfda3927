// The invoke path of a REST API: find the stage's deployment, route the request, run the
// integration under the integration timeout, and answer as API Gateway answers.
import type { LambdaInternal } from '../../server/internal';
import type { AwsRequest, AwsResponse, CloudContext } from '../../server/types';
import type { ApiStore } from '../model/store';
import {
  endpointTimedOut,
  forbidden,
  GatewayFailure,
  internalServerError,
  missingAuthenticationToken,
  tooManyRequests,
  type DataPlaneResponse,
} from './gatewayResponses';
import type { Invocation } from './invocation';
import type { InvokeTarget } from './invokeTarget';
import { lambdaAws, lambdaProxy } from './lambdaIntegrations';
import { integrationResponse } from './mapping';
import { http, mock } from './otherIntegrations';
import { requestFacts, type RequestFacts } from './requestFacts';
import { matchRoute, type RouteMatch } from './resourceRouter';
import { customiseGatewayResponse } from './customResponses';
import type { DeployedApi } from '../model/entities';
import type { Throttle } from './throttle';

/** API Gateway's hard ceiling for an integration (timeoutInMillis may lower it, never raise it). */
export const MAX_INTEGRATION_TIMEOUT_MS = 29_000;

export interface DataPlane {
  store: ApiStore;
  ctx: CloudContext;
  throttle: Throttle;
}

export async function executeApi(
  plane: DataPlane,
  req: AwsRequest,
  target: InvokeTarget,
  signed: boolean,
): Promise<AwsResponse> {
  const { ctx } = plane;
  const facts = requestFacts(req, ctx.port);
  const known: Known = {};
  let response: DataPlaneResponse;
  try {
    response = await run(plane, facts, target, signed, known);
  } catch (caught) {
    // Anything unexpected is API Gateway's 500, never a broken connection.
    const e =
      caught instanceof GatewayFailure
        ? caught
        : new GatewayFailure(
            internalServerError(),
            `unexpected failure: ${caught instanceof Error ? caught.stack : String(caught)}`,
          );
    ctx.log(`apigateway: ${facts.method} ${target.stagePath} (${target.apiId}): ${e.message}`);
    response = customiseGatewayResponse(e.response, known.deployed?.gatewayResponses, {
      facts,
      context: {
        apiId: target.apiId,
        stage: target.stage,
        requestId: facts.requestId,
        httpMethod: facts.method,
        path: target.stagePath,
        resourcePath: known.route?.resource.path,
        resourceId: known.route?.resource.id,
      },
      stageVariables: known.stageVariables,
      pathParameters: known.route?.pathParameters ?? {},
    });
  }
  return {
    status: response.status,
    headers: {
      ...response.headers,
      'x-amzn-RequestId': facts.requestId,
      'x-amz-apigw-id': facts.extendedRequestId,
      'X-Amzn-Trace-Id': facts.traceId,
    },
    body: response.body,
  };
}

/** What run() learnt before it failed, for the gateway response. */
interface Known {
  deployed?: DeployedApi;
  stageVariables?: Record<string, string>;
  route?: RouteMatch;
}

async function run(
  { store, ctx, throttle }: DataPlane,
  facts: RequestFacts,
  target: InvokeTarget,
  signed: boolean,
  known: Known,
): Promise<DataPlaneResponse> {
  const api = store.apis.get(target.apiId);
  if (!api || api.disableExecuteApiEndpoint || !target.stage)
    throw new GatewayFailure(forbidden(), 'no such API or no stage in the URL');
  const stage = api.stages[target.stage];
  const deployment = stage && api.deployments[stage.deploymentId];
  if (!stage || !deployment) throw new GatewayFailure(missingAuthenticationToken(), `no stage '${target.stage}'`);
  known.deployed = deployment.api;
  known.stageVariables = stage.variables;
  const route = matchRoute(deployment.api.resources, facts.method, target.path);
  if (!route)
    throw new GatewayFailure(
      missingAuthenticationToken(),
      `no method ${facts.method} for ${target.path} in stage '${target.stage}'`,
    );
  known.route = route;
  if (route.method.authorizationType === 'AWS_IAM' && !signed)
    throw new GatewayFailure(missingAuthenticationToken(), 'the method requires a SigV4-signed request (AWS_IAM)');
  if (route.method.apiKeyRequired)
    throw new GatewayFailure(
      forbidden('INVALID_API_KEY'),
      'the method requires an API key, and the local cloud has no API keys',
    );
  if (!throttle.admit(api.id, stage, route.resource.path, facts.method))
    throw new GatewayFailure(
      tooManyRequests(),
      `stage '${stage.stageName}' throttled the request (methodSettings throttling limits)`,
    );
  const inv: Invocation = {
    facts,
    target: { ...target, stage: target.stage },
    api: deployment.api,
    deploymentId: deployment.id,
    stageVariables: stage.variables,
    route,
    integration: route.method.methodIntegration!,
    region: store.region,
    accountId: store.accountId,
  };
  const timeoutMs = Math.min(inv.integration.timeoutInMillis, MAX_INTEGRATION_TIMEOUT_MS);
  return withTimeout(timeoutMs, (signal) => integrate(inv, ctx, signal));
}

async function integrate(inv: Invocation, ctx: CloudContext, signal: AbortSignal): Promise<DataPlaneResponse> {
  const lambda = () => ctx.services.get<LambdaInternal>('lambda');
  switch (inv.integration.type) {
    case 'AWS_PROXY':
      return lambdaProxy(inv, lambda(), signal);
    case 'AWS':
      return integrationResponse(inv, await lambdaAws(inv, lambda(), signal));
    case 'MOCK':
      return integrationResponse(inv, mock(inv));
    case 'HTTP_PROXY':
      return (await http(inv, true, signal)) as DataPlaneResponse;
    case 'HTTP': {
      const result = await http(inv, false, signal);
      return integrationResponse(inv, result as Parameters<typeof integrationResponse>[1]);
    }
  }
}

/** Runs work with an abort signal; past the limit answers 504 while the backend may run on, as on AWS. */
function withTimeout<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      controller.abort();
      reject(new GatewayFailure(endpointTimedOut(), `Execution failed due to a timeout error after ${ms} ms`));
    }, ms);
    work(controller.signal).then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
