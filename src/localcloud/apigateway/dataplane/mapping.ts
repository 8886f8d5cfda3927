// Non-proxy integrations (AWS, HTTP, MOCK): the integration request template on the way in,
// and on the way out the integration response chosen by selection pattern, its header
// mappings (responseParameters) and its body template.
import { JSONPath } from 'jsonpath-plus';
import type { IntegrationResponse } from '../model/entities';
import { GatewayFailure, internalServerError, unsupportedMediaType, type DataPlaneResponse } from './gatewayResponses';
import { requestContext, type Invocation } from './invocation';
import { header } from './requestFacts';
import { renderTemplate, UnsupportedTemplate, type TemplateScope } from './template';

export interface BackendResult {
  /** The backend's HTTP status (HTTP, MOCK); selection patterns match it. */
  statusCode?: string;
  /** A failed Lambda function's errorMessage (AWS); selection patterns match it. */
  errorMessage?: string;
  body: Buffer;
  headers: Record<string, string>;
}

const DEFAULT_TYPE = 'application/json';

export function templateScope(inv: Invocation, body: string): TemplateScope {
  const querystring: Record<string, string> = {};
  for (const [k, v] of inv.facts.queryPairs) querystring[k] = v;
  return {
    body,
    context: requestContext(inv),
    stageVariables: inv.stageVariables,
    params: { path: inv.route.pathParameters, querystring, header: Object.fromEntries(inv.facts.headerPairs) },
  };
}

/** The body sent to the backend, after the passthrough rules and the request template. */
export function integrationRequestBody(inv: Invocation): Buffer {
  const templates = inv.integration.requestTemplates ?? {};
  const type = (header(inv.facts, 'content-type') ?? DEFAULT_TYPE).split(';')[0]!.trim().toLowerCase();
  const key = Object.keys(templates).find((k) => k.toLowerCase() === type);
  if (key === undefined) {
    const behavior = inv.integration.passthroughBehavior;
    if (behavior === 'NEVER' || (behavior === 'WHEN_NO_TEMPLATES' && Object.keys(templates).length > 0)) {
      throw new GatewayFailure(
        unsupportedMediaType(),
        `No mapping template for ${type} and passthrough behavior ${behavior}`,
      );
    }
    return inv.facts.body;
  }
  return Buffer.from(render(templates[key] ?? '', templateScope(inv, inv.facts.body.toString('utf8'))));
}

export function integrationResponse(inv: Invocation, result: BackendResult): DataPlaneResponse {
  const chosen = selectResponse(
    Object.values(inv.integration.integrationResponses),
    result.errorMessage ?? result.statusCode,
  );
  if (!chosen)
    throw new GatewayFailure(
      internalServerError(500, 'API_CONFIGURATION_ERROR'),
      'Execution failed due to configuration error: No match for output mapping and no default output mapping configured',
    );
  if (!inv.route.method.methodResponses[chosen.statusCode]) {
    throw new GatewayFailure(
      internalServerError(500, 'API_CONFIGURATION_ERROR'),
      `Execution failed due to configuration error: Output mapping refers to an invalid method response: ${chosen.statusCode}`,
    );
  }
  const bodyText = result.body.toString('utf8');
  const scope = templateScope(inv, bodyText);
  const headers: Record<string, string> = {};
  for (const [target, source] of Object.entries(chosen.responseParameters ?? {})) {
    const value = mappedValue(source, result, scope);
    if (value !== undefined) headers[target.slice('method.response.header.'.length)] = value;
  }
  const templates = chosen.responseTemplates ?? {};
  const accept = (header(inv.facts, 'accept') ?? '').split(',').map((t) => t.split(';')[0]!.trim().toLowerCase());
  const key =
    Object.keys(templates).find((k) => accept.includes(k.toLowerCase())) ??
    Object.keys(templates).find((k) => k.toLowerCase() === DEFAULT_TYPE) ??
    Object.keys(templates)[0];
  let body = result.body;
  if (key !== undefined) body = Buffer.from(render(templates[key] ?? '', scope));
  if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
    headers['Content-Type'] = key ?? DEFAULT_TYPE;
  return { status: Number(chosen.statusCode), headers, body };
}

/** A pattern must match the whole selector; the response without a pattern is the default. */
export function selectResponse(
  responses: IntegrationResponse[],
  selector: string | undefined,
): IntegrationResponse | undefined {
  if (selector !== undefined) {
    for (const r of responses) {
      if (r.selectionPattern && new RegExp(`^(?:${r.selectionPattern})$`).test(selector)) return r;
    }
  }
  return responses.find((r) => !r.selectionPattern);
}

function mappedValue(source: string, result: BackendResult, scope: TemplateScope): string | undefined {
  const literal = /^'(.*)'$/s.exec(source);
  if (literal) return literal[1];
  if (source.startsWith('integration.response.header.')) {
    const name = source.slice('integration.response.header.'.length).toLowerCase();
    return Object.entries(result.headers).find(([h]) => h.toLowerCase() === name)?.[1];
  }
  if (source === 'integration.response.body') return scope.body;
  if (source.startsWith('integration.response.body.')) {
    try {
      const v: unknown = JSONPath({
        path: '$.' + source.slice('integration.response.body.'.length),
        json: JSON.parse(scope.body) as object,
        wrap: false,
      });
      return v === undefined ? undefined : typeof v === 'string' ? v : JSON.stringify(v);
    } catch {
      return undefined;
    }
  }
  if (source.startsWith('stageVariables.')) return scope.stageVariables?.[source.slice('stageVariables.'.length)];
  if (source.startsWith('context.')) {
    let v: unknown = scope.context;
    for (const k of source.split('.').slice(1)) v = (v as Record<string, unknown> | undefined)?.[k];
    return v === undefined || v === null ? undefined : String(v);
  }
  return undefined;
}

function render(template: string, scope: TemplateScope): string {
  try {
    return renderTemplate(template, scope);
  } catch (e) {
    if (e instanceof UnsupportedTemplate) throw new GatewayFailure(internalServerError(), e.message);
    throw e;
  }
}
