// Entities → the JSON API Gateway returns (restJson1 member names, epoch-second dates).
import type { Deployment, Integration, Method, Resource, RestApi, Stage } from '../model/entities';

type Json = Record<string, unknown>;

/** Drops undefined members and empty maps the service leaves out. */
function compact(o: Json): Json {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

export function restApiJson(api: RestApi): Json {
  const { resources: _r, deployments: _d, stages: _s, gatewayResponses: _g, ...rest } = api;
  return compact({ ...rest });
}

export function resourceJson(resource: Resource & { path: string }, embedMethods: boolean): Json {
  const methods = Object.entries(resource.methods);
  return compact({
    id: resource.id,
    parentId: resource.parentId,
    pathPart: resource.pathPart,
    path: resource.path,
    resourceMethods:
      methods.length === 0
        ? undefined
        : Object.fromEntries(methods.map(([k, m]) => [k, embedMethods ? methodJson(m!) : {}])),
  });
}

export function methodJson(method: Method): Json {
  const responses = Object.keys(method.methodResponses).length > 0 ? method.methodResponses : undefined;
  return compact({
    ...method,
    methodResponses: responses && Object.fromEntries(Object.entries(responses).map(([k, r]) => [k, compact({ ...r })])),
    methodIntegration: method.methodIntegration && integrationJson(method.methodIntegration),
  });
}

export function integrationJson(integration: Integration): Json {
  const responses = Object.entries(integration.integrationResponses);
  return compact({
    ...integration,
    integrationResponses:
      responses.length === 0 ? undefined : Object.fromEntries(responses.map(([k, r]) => [k, compact({ ...r })])),
  });
}

export function deploymentJson(deployment: Deployment): Json {
  return compact({ id: deployment.id, description: deployment.description, createdDate: deployment.createdDate });
}

export function stageJson(stage: Stage): Json {
  return compact({ ...stage, cacheClusterStatus: stage.cacheClusterEnabled ? 'AVAILABLE' : 'NOT_AVAILABLE' });
}

/** One page of a list (`position` is the next index, as an opaque token). */
export function page<T>(
  items: T[],
  position: string | undefined,
  limit: string | undefined,
): { item: T[]; position?: string } {
  const start = position ? Math.max(0, Number.parseInt(position, 10) || 0) : 0;
  const size = Math.min(500, Math.max(1, Number.parseInt(limit ?? '25', 10) || 25));
  const slice = items.slice(start, start + size);
  return start + size < items.length ? { item: slice, position: String(start + size) } : { item: slice };
}
