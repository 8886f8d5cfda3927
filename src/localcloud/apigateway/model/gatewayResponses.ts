// Gateway responses: what API Gateway answers when a request fails before or around the
// integration. Each type has a default; DEFAULT_4XX and DEFAULT_5XX customise every type of
// their class that is not customised itself (the usual place for CORS headers on errors).
import type { GatewayResponse, RestApi } from './entities';
import type { ApiStore } from './store';
import { checkStatusCode, optionalString, stringMap, templateMap } from './validation';
import { NotFoundException, ValidationException } from '../errors';

/** Every response type with its default status ('' for the two class defaults). */
export const GATEWAY_RESPONSE_TYPES: Record<string, string> = {
  REQUEST_TOO_LARGE: '413',
  RESOURCE_NOT_FOUND: '404',
  AUTHORIZER_CONFIGURATION_ERROR: '500',
  MISSING_AUTHENTICATION_TOKEN: '403',
  BAD_REQUEST_BODY: '400',
  INVALID_SIGNATURE: '403',
  INVALID_API_KEY: '403',
  BAD_REQUEST_PARAMETERS: '400',
  AUTHORIZER_FAILURE: '500',
  UNAUTHORIZED: '401',
  INTEGRATION_TIMEOUT: '504',
  ACCESS_DENIED: '403',
  DEFAULT_4XX: '',
  DEFAULT_5XX: '',
  WAF_FILTERED: '403',
  QUOTA_EXCEEDED: '429',
  THROTTLED: '429',
  API_CONFIGURATION_ERROR: '500',
  UNSUPPORTED_MEDIA_TYPE: '415',
  INTEGRATION_FAILURE: '504',
  EXPIRED_TOKEN: '403',
};

const DEFAULT_TEMPLATES = { 'application/json': '{"message":$context.error.messageString}' };

export interface EffectiveGatewayResponse extends GatewayResponse {
  defaultResponse: boolean;
}

function checkType(type: string): string {
  if (!(type in GATEWAY_RESPONSE_TYPES))
    throw ValidationException.enumViolation(type, 'responseType', Object.keys(GATEWAY_RESPONSE_TYPES));
  return type;
}

/** The response a type resolves to: its own setting, else its class default's, else AWS's default. */
export function effectiveGatewayResponse(
  configured: Record<string, GatewayResponse> | undefined,
  type: string,
): EffectiveGatewayResponse {
  const own = configured?.[type];
  if (own) return { ...own, defaultResponse: false };
  const status = GATEWAY_RESPONSE_TYPES[type] ?? '';
  const inherited = type.startsWith('DEFAULT_')
    ? undefined
    : configured?.[status.startsWith('4') ? 'DEFAULT_4XX' : 'DEFAULT_5XX'];
  return {
    responseType: type,
    statusCode: status || undefined,
    responseParameters: { ...(inherited?.responseParameters ?? {}) },
    responseTemplates: inherited?.responseTemplates ?? { ...DEFAULT_TEMPLATES },
    defaultResponse: true,
  };
}

export function putGatewayResponse(
  store: ApiStore,
  apiId: string,
  typeInput: string,
  input: { statusCode?: unknown; responseParameters?: unknown; responseTemplates?: unknown },
): EffectiveGatewayResponse {
  store.api(apiId);
  const responseType = checkType(typeInput);
  const statusCode = optionalString(input.statusCode, 'statusCode');
  if (statusCode !== undefined) checkStatusCode(statusCode);
  const response: GatewayResponse = {
    responseType,
    statusCode: statusCode ?? (GATEWAY_RESPONSE_TYPES[responseType] || undefined),
    responseParameters: stringMap<string>(input.responseParameters, 'responseParameters', 'string') ?? {},
    responseTemplates: (templateMap(input.responseTemplates, 'responseTemplates') as
      Record<string, string> | undefined) ?? { ...DEFAULT_TEMPLATES },
  };
  store.commit({ t: 'gatewayResponsePut', apiId, response });
  return { ...response, defaultResponse: false };
}

export function getGatewayResponse(store: ApiStore, apiId: string, type: string): EffectiveGatewayResponse {
  return effectiveGatewayResponse(store.api(apiId).gatewayResponses, checkType(type));
}

export function listGatewayResponses(api: RestApi): EffectiveGatewayResponse[] {
  return Object.keys(GATEWAY_RESPONSE_TYPES)
    .sort()
    .map((t) => effectiveGatewayResponse(api.gatewayResponses, t));
}

export function deleteGatewayResponse(store: ApiStore, apiId: string, type: string): void {
  const api = store.api(apiId);
  if (!api.gatewayResponses?.[checkType(type)])
    throw new NotFoundException('Invalid Gateway Response identifier specified');
  store.commit({ t: 'gatewayResponseDeleted', apiId, responseType: type });
}
