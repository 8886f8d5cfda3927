// Applies an API's customised gateway responses (PutGatewayResponse, as deployed) to API
// Gateway's own error responses: status, headers (e.g. CORS on 4XX/5XX) and body template.
import type { GatewayResponse } from '../model/entities';
import { effectiveGatewayResponse, GATEWAY_RESPONSE_TYPES } from '../model/gatewayResponses';
import type { DataPlaneResponse } from './gatewayResponses';
import { header, type RequestFacts } from './requestFacts';
import { renderTemplate, type TemplateScope } from './template';

export interface ErrorScope {
  facts: RequestFacts;
  context: Record<string, unknown>;
  stageVariables?: Record<string, string>;
  pathParameters: Record<string, string>;
}

export function customiseGatewayResponse(
  response: DataPlaneResponse,
  configured: Record<string, GatewayResponse> | undefined,
  scope: ErrorScope,
): DataPlaneResponse {
  const gateway = response.gateway;
  if (!gateway || !configured || Object.keys(configured).length === 0) return response;
  const typeStatus = GATEWAY_RESPONSE_TYPES[gateway.type] || String(response.status);
  const classDefault = typeStatus.startsWith('4') ? 'DEFAULT_4XX' : 'DEFAULT_5XX';
  if (!configured[gateway.type] && !configured[classDefault]) return response;
  const effective = effectiveGatewayResponse(configured, gateway.type);
  const own = configured[gateway.type];
  const base = gateway.type.startsWith('DEFAULT_') ? undefined : configured[classDefault];
  const parameters = { ...(base?.responseParameters ?? {}), ...effective.responseParameters };

  const querystring = Object.fromEntries(scope.facts.queryPairs);
  const headers: Record<string, string> = { ...response.headers };
  for (const [target, source] of Object.entries(parameters)) {
    if (!target.startsWith('gatewayresponse.header.')) continue;
    const value =
      source.startsWith("'") && source.endsWith("'")
        ? source.slice(1, -1)
        : source.startsWith('method.request.header.')
          ? header(scope.facts, source.slice('method.request.header.'.length))
          : source.startsWith('method.request.querystring.')
            ? querystring[source.slice('method.request.querystring.'.length)]
            : source.startsWith('method.request.path.')
              ? scope.pathParameters[source.slice('method.request.path.'.length)]
              : source.startsWith('stageVariables.')
                ? scope.stageVariables?.[source.slice('stageVariables.'.length)]
                : undefined;
    if (value !== undefined) headers[target.slice('gatewayresponse.header.'.length)] = value;
  }

  const template = effective.responseTemplates['application/json'] ?? Object.values(effective.responseTemplates)[0];
  const templateScope: TemplateScope = {
    body: '',
    context: {
      ...scope.context,
      error: { message: gateway.message, messageString: JSON.stringify(gateway.message), responseType: gateway.type },
    },
    stageVariables: scope.stageVariables,
    params: { path: scope.pathParameters, querystring, header: Object.fromEntries(scope.facts.headerPairs) },
  };
  let body = response.body;
  try {
    if (template !== undefined && template !== null) body = Buffer.from(renderTemplate(template, templateScope));
  } catch {
    // An unrenderable template keeps the default body rather than failing the error response.
  }
  return { ...response, status: own?.statusCode ? Number(own.statusCode) : response.status, headers, body };
}
