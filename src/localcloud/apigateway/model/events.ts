// Every change to API Gateway state is one of these events. The backend builds an event,
// applies it and journals it; a restart replays the same events through the same code.
import type {
  Deployment,
  GatewayResponse,
  HttpMethod,
  Integration,
  IntegrationResponse,
  Method,
  MethodResponse,
  Resource,
  RestApi,
  Stage,
} from './entities';

type MethodKey = { apiId: string; resourceId: string; httpMethod: HttpMethod };

export type ApiGatewayEvent =
  | { t: 'apiPut'; api: RestApi }
  | { t: 'apiDeleted'; apiId: string }
  | { t: 'apiFieldsSet'; apiId: string; fields: Record<string, unknown> }
  | { t: 'resourcePut'; apiId: string; resource: Resource }
  | { t: 'resourceDeleted'; apiId: string; resourceId: string }
  | ({ t: 'methodPut'; method: Method } & MethodKey)
  | ({ t: 'methodDeleted' } & MethodKey)
  | ({ t: 'integrationPut'; integration: Integration } & MethodKey)
  | ({ t: 'integrationDeleted' } & MethodKey)
  | ({ t: 'methodResponsePut'; response: MethodResponse } & MethodKey)
  | ({ t: 'methodResponseDeleted'; statusCode: string } & MethodKey)
  | ({ t: 'integrationResponsePut'; response: IntegrationResponse } & MethodKey)
  | ({ t: 'integrationResponseDeleted'; statusCode: string } & MethodKey)
  | { t: 'deploymentPut'; apiId: string; deployment: Deployment }
  | { t: 'deploymentDeleted'; apiId: string; deploymentId: string }
  | { t: 'stagePut'; apiId: string; stage: Stage }
  | { t: 'stageDeleted'; apiId: string; stageName: string }
  | { t: 'gatewayResponsePut'; apiId: string; response: GatewayResponse }
  | { t: 'gatewayResponseDeleted'; apiId: string; responseType: string };

/** Applies one event to the state. Events were validated before they were journaled. */
export function applyEvent(apis: Map<string, RestApi>, e: ApiGatewayEvent): void {
  if (e.t === 'apiPut') {
    apis.set(e.api.id, e.api);
    return;
  }
  const api = apis.get(e.apiId);
  if (!api) return;
  switch (e.t) {
    case 'apiDeleted':
      apis.delete(e.apiId);
      return;
    case 'apiFieldsSet':
      // null clears a member (JSON has no undefined).
      for (const [k, v] of Object.entries(e.fields)) {
        if (v === null) delete (api as unknown as Record<string, unknown>)[k];
        else (api as unknown as Record<string, unknown>)[k] = v;
      }
      return;
    case 'resourcePut':
      api.resources[e.resource.id] = e.resource;
      return;
    case 'resourceDeleted':
      for (const id of descendantsOf(api, e.resourceId)) delete api.resources[id];
      return;
    case 'deploymentPut':
      api.deployments[e.deployment.id] = e.deployment;
      return;
    case 'deploymentDeleted':
      delete api.deployments[e.deploymentId];
      return;
    case 'stagePut':
      api.stages[e.stage.stageName] = e.stage;
      return;
    case 'stageDeleted':
      delete api.stages[e.stageName];
      return;
    case 'gatewayResponsePut':
      api.gatewayResponses = { ...api.gatewayResponses, [e.response.responseType]: e.response };
      return;
    case 'gatewayResponseDeleted':
      if (api.gatewayResponses) delete api.gatewayResponses[e.responseType];
      return;
  }
  const resource = api.resources[e.resourceId];
  if (!resource) return;
  if (e.t === 'methodPut') {
    resource.methods[e.httpMethod] = e.method;
    return;
  }
  if (e.t === 'methodDeleted') {
    delete resource.methods[e.httpMethod];
    return;
  }
  const method = resource.methods[e.httpMethod];
  if (!method) return;
  switch (e.t) {
    case 'integrationPut':
      method.methodIntegration = e.integration;
      return;
    case 'integrationDeleted':
      delete method.methodIntegration;
      return;
    case 'methodResponsePut':
      method.methodResponses[e.response.statusCode] = e.response;
      return;
    case 'methodResponseDeleted':
      delete method.methodResponses[e.statusCode];
      return;
    case 'integrationResponsePut':
      if (method.methodIntegration) method.methodIntegration.integrationResponses[e.response.statusCode] = e.response;
      return;
    case 'integrationResponseDeleted':
      if (method.methodIntegration) delete method.methodIntegration.integrationResponses[e.statusCode];
      return;
  }
}

/** The resource and everything below it. */
export function descendantsOf(api: RestApi, resourceId: string): string[] {
  const out = [resourceId];
  for (let i = 0; i < out.length; i++) {
    for (const r of Object.values(api.resources)) if (r.parentId === out[i]) out.push(r.id);
  }
  return out;
}

/** `/`, `/pets`, `/pets/{id}` … built from the parent chain. */
export function resourcePath(api: RestApi, resourceId: string): string {
  const parts: string[] = [];
  let r = api.resources[resourceId];
  while (r && r.parentId !== undefined) {
    parts.unshift(r.pathPart ?? '');
    r = api.resources[r.parentId];
  }
  return '/' + parts.join('/');
}
