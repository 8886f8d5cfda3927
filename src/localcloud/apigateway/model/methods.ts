// Methods, integrations and their responses (PutMethod … DeleteIntegrationResponse).
import type { HttpMethod, Integration, IntegrationResponse, Method, MethodResponse } from './entities';
import { BadRequestException, ConflictException, NotFoundException } from '../errors';
import type { ApiStore } from './store';
import {
  checkIntegrationTarget,
  checkIntegrationType,
  checkPassthrough,
  checkStatusCode,
  optionalString,
  stringMap,
  templateMap,
} from './validation';

const AUTHORIZATION_TYPES = ['NONE', 'AWS_IAM', 'CUSTOM', 'COGNITO_USER_POOLS'];

export interface PutMethodInput {
  authorizationType?: unknown;
  authorizerId?: unknown;
  apiKeyRequired?: unknown;
  operationName?: unknown;
  requestParameters?: unknown;
  requestModels?: unknown;
  requestValidatorId?: unknown;
  authorizationScopes?: unknown;
}

export function putMethod(
  store: ApiStore,
  apiId: string,
  resourceId: string,
  httpMethod: HttpMethod,
  input: PutMethodInput,
): Method {
  const { resource } = store.resource(apiId, resourceId);
  const authorizationType = optionalString(input.authorizationType, 'authorizationType') ?? 'NONE';
  if (!AUTHORIZATION_TYPES.includes(authorizationType)) {
    throw new BadRequestException(
      `Invalid authorization type specified: ${authorizationType}. Use NONE, AWS_IAM, CUSTOM or COGNITO_USER_POOLS.`,
    );
  }
  if (authorizationType === 'CUSTOM' || authorizationType === 'COGNITO_USER_POOLS') {
    // The local cloud has no authorizers yet, so no authorizer id can be valid.
    throw new BadRequestException(
      'Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.',
    );
  }
  if (input.requestValidatorId !== undefined)
    throw new BadRequestException('Invalid Request Validator identifier specified');
  if (resource.methods[httpMethod]) throw new ConflictException('Method already exists for this resource');
  const method: Method = {
    httpMethod,
    authorizationType,
    apiKeyRequired: input.apiKeyRequired === true,
    operationName: optionalString(input.operationName, 'operationName'),
    requestParameters: stringMap<boolean>(input.requestParameters, 'requestParameters', 'boolean'),
    requestModels: stringMap<string>(input.requestModels, 'requestModels', 'string'),
    methodResponses: {},
  };
  store.commit({ t: 'methodPut', apiId, resourceId, httpMethod, method });
  return method;
}

export function deleteMethod(store: ApiStore, apiId: string, resourceId: string, httpMethod: HttpMethod): void {
  store.method(apiId, resourceId, httpMethod);
  store.commit({ t: 'methodDeleted', apiId, resourceId, httpMethod });
}

export interface PutIntegrationInput {
  type?: unknown;
  /** integrationHttpMethod on the SDK side; `httpMethod` on the wire. */
  httpMethod?: unknown;
  uri?: unknown;
  connectionType?: unknown;
  connectionId?: unknown;
  credentials?: unknown;
  requestParameters?: unknown;
  requestTemplates?: unknown;
  passthroughBehavior?: unknown;
  contentHandling?: unknown;
  timeoutInMillis?: unknown;
  cacheNamespace?: unknown;
  cacheKeyParameters?: unknown;
}

export function putIntegration(
  store: ApiStore,
  apiId: string,
  resourceId: string,
  httpMethod: HttpMethod,
  input: PutIntegrationInput,
): Integration {
  store.method(apiId, resourceId, httpMethod);
  const type = checkIntegrationType(input.type);
  checkIntegrationTarget(type, input.uri, input.httpMethod);
  const timeout = input.timeoutInMillis ?? 29000;
  if (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout < 50 || timeout > 29000) {
    throw new BadRequestException('Timeout should be between 50 ms and 29000 ms');
  }
  const keys = input.cacheKeyParameters;
  const integration: Integration = {
    type,
    httpMethod: type === 'MOCK' ? undefined : String(input.httpMethod),
    uri: type === 'MOCK' ? optionalString(input.uri, 'uri') || undefined : String(input.uri),
    connectionType: optionalString(input.connectionType, 'connectionType'),
    connectionId: optionalString(input.connectionId, 'connectionId'),
    credentials: optionalString(input.credentials, 'credentials'),
    requestParameters: stringMap<string>(input.requestParameters, 'requestParameters', 'string'),
    requestTemplates: templateMap(input.requestTemplates, 'requestTemplates'),
    passthroughBehavior: checkPassthrough(input.passthroughBehavior),
    contentHandling: optionalString(input.contentHandling, 'contentHandling'),
    timeoutInMillis: timeout,
    cacheNamespace: optionalString(input.cacheNamespace, 'cacheNamespace') ?? resourceId,
    cacheKeyParameters: Array.isArray(keys) ? keys.map(String) : [],
    integrationResponses: {},
  };
  store.commit({ t: 'integrationPut', apiId, resourceId, httpMethod, integration });
  return integration;
}

export function deleteIntegration(store: ApiStore, apiId: string, resourceId: string, httpMethod: HttpMethod): void {
  store.integration(apiId, resourceId, httpMethod);
  store.commit({ t: 'integrationDeleted', apiId, resourceId, httpMethod });
}

export function putMethodResponse(
  store: ApiStore,
  apiId: string,
  resourceId: string,
  httpMethod: HttpMethod,
  statusCode: string,
  input: { responseParameters?: unknown; responseModels?: unknown },
): MethodResponse {
  checkStatusCode(statusCode);
  store.method(apiId, resourceId, httpMethod);
  const response: MethodResponse = {
    statusCode,
    responseParameters: stringMap<boolean>(input.responseParameters, 'responseParameters', 'boolean'),
    responseModels: stringMap<string>(input.responseModels, 'responseModels', 'string'),
  };
  for (const name of Object.keys(response.responseParameters ?? {})) {
    if (!/^method\.response\.header\.[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(name))
      throw new BadRequestException(`Invalid response parameter name specified: ${name}`);
  }
  store.commit({ t: 'methodResponsePut', apiId, resourceId, httpMethod, response });
  return response;
}

export function getMethodResponse(
  store: ApiStore,
  apiId: string,
  resourceId: string,
  httpMethod: HttpMethod,
  statusCode: string,
): MethodResponse {
  checkStatusCode(statusCode);
  const response = store.method(apiId, resourceId, httpMethod).method.methodResponses[statusCode];
  if (!response) throw NotFoundException.response();
  return response;
}

export function deleteMethodResponse(
  store: ApiStore,
  apiId: string,
  resourceId: string,
  httpMethod: HttpMethod,
  statusCode: string,
): void {
  getMethodResponse(store, apiId, resourceId, httpMethod, statusCode);
  store.commit({ t: 'methodResponseDeleted', apiId, resourceId, httpMethod, statusCode });
}

export function putIntegrationResponse(
  store: ApiStore,
  apiId: string,
  resourceId: string,
  httpMethod: HttpMethod,
  statusCode: string,
  input: {
    selectionPattern?: unknown;
    responseParameters?: unknown;
    responseTemplates?: unknown;
    contentHandling?: unknown;
  },
): IntegrationResponse {
  checkStatusCode(statusCode);
  store.integration(apiId, resourceId, httpMethod);
  const response: IntegrationResponse = {
    statusCode,
    selectionPattern: optionalString(input.selectionPattern, 'selectionPattern'),
    responseParameters: stringMap<string>(input.responseParameters, 'responseParameters', 'string'),
    responseTemplates: templateMap(input.responseTemplates, 'responseTemplates'),
    contentHandling: optionalString(input.contentHandling, 'contentHandling'),
  };
  for (const [name, source] of Object.entries(response.responseParameters ?? {})) {
    if (!name.startsWith('method.response.header.'))
      throw new BadRequestException(
        `Invalid mapping expression specified: ${name}. Response parameters map method.response.header.NAME to a source.`,
      );
    if (source === '') throw new BadRequestException('Invalid null or empty value in responseParameters');
  }
  if (response.selectionPattern) {
    try {
      new RegExp(response.selectionPattern);
    } catch {
      throw new BadRequestException(`Invalid selection pattern specified: ${response.selectionPattern}`);
    }
  }
  store.commit({ t: 'integrationResponsePut', apiId, resourceId, httpMethod, response });
  return response;
}

export function getIntegrationResponse(
  store: ApiStore,
  apiId: string,
  resourceId: string,
  httpMethod: HttpMethod,
  statusCode: string,
): IntegrationResponse {
  checkStatusCode(statusCode);
  const response = store.integration(apiId, resourceId, httpMethod).integration.integrationResponses[statusCode];
  if (!response) throw NotFoundException.response();
  return response;
}

export function deleteIntegrationResponse(
  store: ApiStore,
  apiId: string,
  resourceId: string,
  httpMethod: HttpMethod,
  statusCode: string,
): void {
  checkStatusCode(statusCode);
  store.resource(apiId, resourceId);
  const integration = store.apis.get(apiId)?.resources[resourceId]?.methods[httpMethod]?.methodIntegration;
  if (!integration) throw NotFoundException.integration();
  if (!integration.integrationResponses[statusCode]) throw NotFoundException.response();
  store.commit({ t: 'integrationResponseDeleted', apiId, resourceId, httpMethod, statusCode });
}
