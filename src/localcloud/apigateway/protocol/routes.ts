// The control plane's operations: one line per route, each a thin handler that parses its
// input, calls the model and returns the wire shape.
import { checkHttpMethod } from '../model/validation';
import * as deployments from '../model/deployments';
import * as gatewayResponses from '../model/gatewayResponses';
import * as methods from '../model/methods';
import * as restApis from '../model/restApis';
import * as tags from '../model/tags';
import * as updates from '../model/updates';
import type { ApiStore } from '../model/store';
import { deploymentJson, integrationJson, methodJson, page, resourceJson, restApiJson, stageJson } from './wire';

export interface Call {
  params: Record<string, string>;
  body: Record<string, unknown>;
  query: Record<string, string | string[]>;
  /** Epoch seconds. */
  now: number;
}

export interface Reply {
  status: number;
  body?: unknown;
}

type Handler = (store: ApiStore, call: Call) => Reply;

const ok = (body: unknown): Reply => ({ status: 200, body });
const created = (body: unknown): Reply => ({ status: 201, body });
const accepted: Reply = { status: 202 };
const noContent: Reply = { status: 204 };

const q = (call: Call, name: string): string | undefined => {
  const v = call.query[name];
  return Array.isArray(v) ? v[0] : v;
};
const embedsMethods = (call: Call) => (q(call, 'embed') ?? '').split(',').includes('methods');
const http = (call: Call) => checkHttpMethod(call.params.httpMethod!);

const API = '/restapis/{restApiId}';
const RESOURCE = `${API}/resources/{resourceId}`;
const METHOD = `${RESOURCE}/methods/{httpMethod}`;

export const ROUTES: ReadonlyArray<readonly [string, string, Handler]> = [
  ['POST', '/restapis', (s, c) => created(restApiJson(restApis.createRestApi(s, c.body, c.now)))],
  ['GET', '/restapis', (s, c) => ok(page([...s.apis.values()].map(restApiJson), q(c, 'position'), q(c, 'limit')))],
  ['GET', API, (s, c) => ok(restApiJson(s.api(c.params.restApiId!)))],
  ['DELETE', API, (s, c) => (restApis.deleteRestApi(s, c.params.restApiId!), accepted)],
  ['PATCH', API, (s, c) => ok(restApiJson(updates.updateRestApi(s, c.params.restApiId!, c.body.patchOperations)))],

  [
    'GET',
    `${API}/resources`,
    (s, c) => {
      const items = restApis.listResources(s.api(c.params.restApiId!)).map((r) => resourceJson(r, embedsMethods(c)));
      return ok(page(items, q(c, 'position'), q(c, 'limit')));
    },
  ],
  [
    'GET',
    RESOURCE,
    (s, c) => ok(resourceJson(restApis.getResource(s, c.params.restApiId!, c.params.resourceId!), embedsMethods(c))),
  ],
  [
    'POST',
    `${API}/resources/{parentId}`,
    (s, c) =>
      created(
        resourceJson(restApis.createResource(s, c.params.restApiId!, c.params.parentId!, c.body.pathPart), false),
      ),
  ],
  ['DELETE', RESOURCE, (s, c) => (restApis.deleteResource(s, c.params.restApiId!, c.params.resourceId!), accepted)],
  [
    'PATCH',
    RESOURCE,
    (s, c) =>
      ok(
        resourceJson(
          updates.updateResource(s, c.params.restApiId!, c.params.resourceId!, c.body.patchOperations),
          false,
        ),
      ),
  ],

  [
    'PUT',
    METHOD,
    (s, c) => created(methodJson(methods.putMethod(s, c.params.restApiId!, c.params.resourceId!, http(c), c.body))),
  ],
  ['GET', METHOD, (s, c) => ok(methodJson(s.method(c.params.restApiId!, c.params.resourceId!, http(c)).method))],
  [
    'PATCH',
    METHOD,
    (s, c) =>
      ok(
        methodJson(updates.updateMethod(s, c.params.restApiId!, c.params.resourceId!, http(c), c.body.patchOperations)),
      ),
  ],
  [
    'DELETE',
    METHOD,
    (s, c) => (methods.deleteMethod(s, c.params.restApiId!, c.params.resourceId!, http(c)), noContent),
  ],

  [
    'PUT',
    `${METHOD}/integration`,
    (s, c) =>
      created(integrationJson(methods.putIntegration(s, c.params.restApiId!, c.params.resourceId!, http(c), c.body))),
  ],
  [
    'GET',
    `${METHOD}/integration`,
    (s, c) => ok(integrationJson(s.integration(c.params.restApiId!, c.params.resourceId!, http(c)).integration)),
  ],
  [
    'PATCH',
    `${METHOD}/integration`,
    (s, c) =>
      ok(
        integrationJson(
          updates.updateIntegration(s, c.params.restApiId!, c.params.resourceId!, http(c), c.body.patchOperations),
        ),
      ),
  ],
  [
    'DELETE',
    `${METHOD}/integration`,
    (s, c) => (methods.deleteIntegration(s, c.params.restApiId!, c.params.resourceId!, http(c)), noContent),
  ],

  [
    'PUT',
    `${METHOD}/responses/{statusCode}`,
    (s, c) =>
      created(
        methods.putMethodResponse(s, c.params.restApiId!, c.params.resourceId!, http(c), c.params.statusCode!, c.body),
      ),
  ],
  [
    'GET',
    `${METHOD}/responses/{statusCode}`,
    (s, c) =>
      ok(methods.getMethodResponse(s, c.params.restApiId!, c.params.resourceId!, http(c), c.params.statusCode!)),
  ],
  [
    'PATCH',
    `${METHOD}/responses/{statusCode}`,
    (s, c) =>
      created(
        updates.updateMethodResponse(
          s,
          c.params.restApiId!,
          c.params.resourceId!,
          http(c),
          c.params.statusCode!,
          c.body.patchOperations,
        ),
      ),
  ],
  [
    'DELETE',
    `${METHOD}/responses/{statusCode}`,
    (s, c) => (
      methods.deleteMethodResponse(s, c.params.restApiId!, c.params.resourceId!, http(c), c.params.statusCode!),
      noContent
    ),
  ],

  [
    'PUT',
    `${METHOD}/integration/responses/{statusCode}`,
    (s, c) =>
      created(
        methods.putIntegrationResponse(
          s,
          c.params.restApiId!,
          c.params.resourceId!,
          http(c),
          c.params.statusCode!,
          c.body,
        ),
      ),
  ],
  [
    'GET',
    `${METHOD}/integration/responses/{statusCode}`,
    (s, c) =>
      ok(methods.getIntegrationResponse(s, c.params.restApiId!, c.params.resourceId!, http(c), c.params.statusCode!)),
  ],
  [
    'PATCH',
    `${METHOD}/integration/responses/{statusCode}`,
    (s, c) =>
      ok(
        updates.updateIntegrationResponse(
          s,
          c.params.restApiId!,
          c.params.resourceId!,
          http(c),
          c.params.statusCode!,
          c.body.patchOperations,
        ),
      ),
  ],
  [
    'DELETE',
    `${METHOD}/integration/responses/{statusCode}`,
    (s, c) => (
      methods.deleteIntegrationResponse(s, c.params.restApiId!, c.params.resourceId!, http(c), c.params.statusCode!),
      noContent
    ),
  ],

  [
    'POST',
    `${API}/deployments`,
    (s, c) => created(deploymentJson(deployments.createDeployment(s, c.params.restApiId!, c.body, c.now))),
  ],
  [
    'GET',
    `${API}/deployments`,
    (s, c) =>
      ok(
        page(
          Object.values(s.api(c.params.restApiId!).deployments).map(deploymentJson),
          q(c, 'position'),
          q(c, 'limit'),
        ),
      ),
  ],
  [
    'GET',
    `${API}/deployments/{deploymentId}`,
    (s, c) => ok(deploymentJson(deployments.getDeployment(s, c.params.restApiId!, c.params.deploymentId!))),
  ],
  [
    'DELETE',
    `${API}/deployments/{deploymentId}`,
    (s, c) => (deployments.deleteDeployment(s, c.params.restApiId!, c.params.deploymentId!), accepted),
  ],

  [
    'PUT',
    `${API}/gatewayresponses/{responseType}`,
    (s, c) => created(gatewayResponses.putGatewayResponse(s, c.params.restApiId!, c.params.responseType!, c.body)),
  ],
  [
    'GET',
    `${API}/gatewayresponses/{responseType}`,
    (s, c) => ok(gatewayResponses.getGatewayResponse(s, c.params.restApiId!, c.params.responseType!)),
  ],
  [
    'GET',
    `${API}/gatewayresponses`,
    (s, c) =>
      ok(
        page(
          gatewayResponses.listGatewayResponses(s.api(c.params.restApiId!)),
          q(c, 'position'),
          q(c, 'limit') ?? '500',
        ),
      ),
  ],
  [
    'DELETE',
    `${API}/gatewayresponses/{responseType}`,
    (s, c) => (gatewayResponses.deleteGatewayResponse(s, c.params.restApiId!, c.params.responseType!), accepted),
  ],

  [
    'POST',
    `${API}/stages`,
    (s, c) => created(stageJson(deployments.createStage(s, c.params.restApiId!, c.body, c.now))),
  ],
  [
    'GET',
    `${API}/stages`,
    (s, c) => ok({ item: deployments.listStages(s, c.params.restApiId!, q(c, 'deploymentId')).map(stageJson) }),
  ],
  [
    'GET',
    `${API}/stages/{stageName}`,
    (s, c) => ok(stageJson(deployments.getStage(s, c.params.restApiId!, c.params.stageName!))),
  ],
  [
    'PATCH',
    `${API}/stages/{stageName}`,
    (s, c) =>
      ok(
        stageJson(deployments.updateStage(s, c.params.restApiId!, c.params.stageName!, c.body.patchOperations, c.now)),
      ),
  ],
  [
    'DELETE',
    `${API}/stages/{stageName}`,
    (s, c) => (deployments.deleteStage(s, c.params.restApiId!, c.params.stageName!), accepted),
  ],

  ['GET', '/tags/{resourceArn}', (s, c) => ok(tags.getTags(s, c.params.resourceArn!))],
  ['PUT', '/tags/{resourceArn}', (s, c) => (tags.tagResource(s, c.params.resourceArn!, c.body.tags), noContent)],
  [
    'DELETE',
    '/tags/{resourceArn}',
    (s, c) => {
      const keys = c.query.tagKeys;
      tags.untagResource(s, c.params.resourceArn!, Array.isArray(keys) ? keys : keys === undefined ? [] : [keys]);
      return noContent;
    },
  ],
];

/** Finds the route for a method and raw path; labels are percent-decoded. */
export function matchRoute(
  method: string,
  rawPath: string,
): { handler: Handler; params: Record<string, string> } | undefined {
  const segments = rawPath.replace(/\/+$/, '').split('/');
  for (const [m, template, handler] of ROUTES) {
    if (m !== method) continue;
    const parts = template.split('/');
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let matched = true;
    for (let i = 0; i < parts.length && matched; i++) {
      const part = parts[i]!;
      if (part.startsWith('{')) {
        try {
          params[part.slice(1, -1)] = decodeURIComponent(segments[i]!);
        } catch {
          matched = false;
        }
      } else matched = part === segments[i];
    }
    if (matched) return { handler, params };
  }
  return undefined;
}
