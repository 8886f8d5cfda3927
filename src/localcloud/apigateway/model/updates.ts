// UpdateRestApi, UpdateResource, UpdateMethod, UpdateMethodResponse, UpdateIntegration and
// UpdateIntegrationResponse: patch a copy, validate it as the Put call would, commit it whole.
import type {
  HttpMethod,
  Integration,
  IntegrationResponse,
  Method,
  MethodResponse,
  Resource,
  RestApi,
} from './entities';
import { descendantsOf, resourcePath } from './events';
import { invalidPath, patchBoolean, patchMap, patchOperations, pointer, unsupportedOp } from './patch';
import { getIntegrationResponse, getMethodResponse } from './methods';
import type { ApiStore } from './store';
import { checkIntegrationTarget, checkPassthrough, checkPathPart, isVariablePart } from './validation';
import { BadRequestException, ConflictException, NotFoundException } from '../errors';

export function updateRestApi(store: ApiStore, apiId: string, input: unknown): RestApi {
  const api = store.api(apiId);
  const fields: Record<string, unknown> = {};
  for (const { op, path, value } of patchOperations(input, 'updateRestApi')) {
    const [member, key] = pointer(path);
    if (member === 'binaryMediaTypes' && key !== undefined && (op === 'add' || op === 'remove')) {
      const current = (fields.binaryMediaTypes as string[] | undefined) ?? api.binaryMediaTypes ?? [];
      const types = op === 'add' ? [...new Set([...current, key])] : current.filter((t) => t !== key);
      fields.binaryMediaTypes = types.length > 0 ? types : null;
      continue;
    }
    if (op !== 'replace') throw unsupportedOp(path, op);
    switch (path) {
      case '/name':
        if (!value) throw new BadRequestException('Name cannot be empty');
        fields.name = value;
        break;
      case '/description':
        fields.description = value || null;
        break;
      case '/minimumCompressionSize': {
        const n = value === undefined || value === '' ? undefined : Number(value);
        if (n !== undefined && (!Number.isInteger(n) || n < 0 || n > 10485760))
          throw new BadRequestException('Invalid minimum compression size, must be between 0 and 10485760');
        fields.minimumCompressionSize = n ?? null;
        break;
      }
      case '/disableExecuteApiEndpoint':
        fields.disableExecuteApiEndpoint = patchBoolean(value, path);
        break;
      case '/apiKeySource':
        fields.apiKeySource = value ?? 'HEADER';
        break;
      default:
        throw invalidPath(path, op, [
          '/name',
          '/description',
          '/binaryMediaTypes/{type}',
          '/minimumCompressionSize',
          '/disableExecuteApiEndpoint',
          '/apiKeySource',
        ]);
    }
  }
  store.commit({ t: 'apiFieldsSet', apiId, fields });
  return api;
}

export function updateResource(
  store: ApiStore,
  apiId: string,
  resourceId: string,
  input: unknown,
): Resource & { path: string } {
  const { api, resource } = store.resource(apiId, resourceId);
  const next: Resource = { ...resource };
  for (const { op, path, value } of patchOperations(input, 'updateResource')) {
    if (path !== '/pathPart' && path !== '/parentId') throw invalidPath(path, op, ['/parentId', '/pathPart']);
    if (op !== 'replace') throw unsupportedOp(path, op);
    if (resourceId === api.rootResourceId)
      throw new BadRequestException(
        path === '/pathPart'
          ? 'Root resource cannot update its pathPart.'
          : 'Root resource cannot update its parentId.',
      );
    if (path === '/pathPart') next.pathPart = checkPathPart(value);
    else {
      if (!value || !api.resources[value]) throw NotFoundException.resource();
      if (descendantsOf(api, resourceId).includes(value))
        throw new BadRequestException('Resources cannot be cyclical.');
      next.parentId = value;
    }
  }
  const siblings = Object.values(api.resources).filter((r) => r.parentId === next.parentId && r.id !== resourceId);
  if (siblings.some((s) => s.pathPart === next.pathPart))
    throw new ConflictException(`Another resource with the same parent already has this name: ${next.pathPart}`);
  const variable = siblings.find((s) => isVariablePart(s.pathPart));
  if (variable && isVariablePart(next.pathPart))
    throw new BadRequestException(
      `A sibling (${variable.pathPart}) of this resource already has a variable path part -- only one is allowed`,
    );
  store.commit({ t: 'resourcePut', apiId, resource: next });
  return { ...next, path: resourcePath(api, resourceId) };
}

export function updateMethod(
  store: ApiStore,
  apiId: string,
  resourceId: string,
  httpMethod: HttpMethod,
  input: unknown,
): Method {
  const { method } = store.method(apiId, resourceId, httpMethod);
  const next: Method = structuredClone(method);
  for (const { op, path, value } of patchOperations(input, 'updateMethod')) {
    const [member, key] = pointer(path);
    if (member === 'requestParameters' && key)
      next.requestParameters = patchMap(next.requestParameters, op, key, value === 'true');
    else if (member === 'requestModels' && key) next.requestModels = patchMap(next.requestModels, op, key, value ?? '');
    else if (op !== 'replace') throw unsupportedOp(path, op);
    else if (path === '/authorizationType') {
      if (value !== 'NONE' && value !== 'AWS_IAM')
        throw new BadRequestException(
          'Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.',
        );
      next.authorizationType = value;
    } else if (path === '/apiKeyRequired') next.apiKeyRequired = patchBoolean(value, path);
    else if (path === '/operationName') next.operationName = value || undefined;
    else throw new BadRequestException(`Invalid patch path ${path}`);
  }
  store.commit({ t: 'methodPut', apiId, resourceId, httpMethod, method: next });
  return next;
}

export function updateMethodResponse(
  store: ApiStore,
  apiId: string,
  resourceId: string,
  httpMethod: HttpMethod,
  statusCode: string,
  input: unknown,
): MethodResponse {
  const next: MethodResponse = structuredClone(getMethodResponse(store, apiId, resourceId, httpMethod, statusCode));
  for (const { op, path, value } of patchOperations(input, 'updateMethodResponse')) {
    const [member, key] = pointer(path);
    if (
      op === 'replace' &&
      (member === 'responseParameters' || member === 'responseModels') &&
      !(key && next[member]?.[key] !== undefined)
    )
      throw new BadRequestException(`Invalid patch path ${path}`);
    if (member === 'responseParameters' && key)
      next.responseParameters = patchMap(next.responseParameters, op, key, value === 'true');
    else if (member === 'responseModels' && key)
      next.responseModels = patchMap(next.responseModels, op, key, value ?? '');
    else throw new BadRequestException(`Invalid patch path ${path}`);
  }
  store.commit({ t: 'methodResponsePut', apiId, resourceId, httpMethod, response: next });
  return next;
}

export function updateIntegration(
  store: ApiStore,
  apiId: string,
  resourceId: string,
  httpMethod: HttpMethod,
  input: unknown,
): Integration {
  const next: Integration = structuredClone(store.integration(apiId, resourceId, httpMethod).integration);
  for (const { op, path, value } of patchOperations(input, 'updateIntegration')) {
    const [member, key] = pointer(path);
    if (member === 'requestTemplates' && key)
      next.requestTemplates = patchMap(next.requestTemplates, op, key, value || null);
    else if (member === 'requestParameters' && key)
      next.requestParameters = patchMap(next.requestParameters, op, key, value ?? '');
    else if (op !== 'replace') throw unsupportedOp(path, op);
    else if (path === '/uri') next.uri = value;
    else if (path === '/httpMethod') next.httpMethod = value;
    else if (path === '/passthroughBehavior') next.passthroughBehavior = checkPassthrough(value);
    else if (path === '/contentHandling') next.contentHandling = value || undefined;
    else if (path === '/timeoutInMillis') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 50 || n > 29000)
        throw new BadRequestException('Timeout should be between 50 ms and 29000 ms');
      next.timeoutInMillis = n;
    } else throw new BadRequestException(`Invalid patch path ${path}`);
  }
  checkIntegrationTarget(next.type, next.uri, next.httpMethod);
  store.commit({ t: 'integrationPut', apiId, resourceId, httpMethod, integration: next });
  return next;
}

export function updateIntegrationResponse(
  store: ApiStore,
  apiId: string,
  resourceId: string,
  httpMethod: HttpMethod,
  statusCode: string,
  input: unknown,
): IntegrationResponse {
  const next: IntegrationResponse = structuredClone(
    getIntegrationResponse(store, apiId, resourceId, httpMethod, statusCode),
  );
  for (const { op, path, value } of patchOperations(input, 'updateIntegrationResponse')) {
    const [member, key] = pointer(path);
    if (member === 'responseTemplates' && key)
      next.responseTemplates = patchMap(next.responseTemplates, op, key, value || null);
    else if (member === 'responseParameters' && key) {
      if (op !== 'remove' && !value) throw new BadRequestException('Invalid null or empty value in responseParameters');
      next.responseParameters = patchMap(next.responseParameters, op, key, value ?? '');
    } else if (op !== 'replace') throw unsupportedOp(path, op);
    else if (path === '/selectionPattern') next.selectionPattern = value;
    else if (path === '/contentHandling') next.contentHandling = value || undefined;
    else throw new BadRequestException(`Invalid patch path ${path}`);
  }
  store.commit({ t: 'integrationResponsePut', apiId, resourceId, httpMethod, response: next });
  return next;
}
