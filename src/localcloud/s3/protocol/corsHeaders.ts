// CORS on the wire: the preflight answer (OPTIONS, unsigned as browsers send it) and the
// Access-Control-* headers added to actual responses of a request that carries an Origin.
import type { AwsRequest, AwsResponse } from '../../server/types';
import { AccessForbidden, InvalidRequest } from '../errors';
import { matchCorsRule } from '../model/corsRules';
import type { CorsRule } from '../model/types';
import { header } from './requestHeaders';

function allowHeaders(rule: CorsRule, origin: string): Record<string, string> {
  const anyOrigin = rule.allowedOrigins.includes('*');
  const h: Record<string, string> = {
    'access-control-allow-origin': anyOrigin ? '*' : origin,
    'access-control-allow-methods': rule.allowedMethods.join(', '),
    vary: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method',
  };
  if (!anyOrigin) h['access-control-allow-credentials'] = 'true';
  if (rule.exposeHeaders.length > 0) h['access-control-expose-headers'] = rule.exposeHeaders.join(', ');
  if (rule.maxAgeSeconds !== undefined) h['access-control-max-age'] = String(rule.maxAgeSeconds);
  return h;
}

export function preflight(req: AwsRequest, rules: CorsRule[] | undefined): AwsResponse {
  const origin = header(req, 'origin');
  const method = header(req, 'access-control-request-method');
  if (!origin || !method) {
    throw new InvalidRequest('Insufficient information. Origin request header needed.');
  }
  if (!rules) throw AccessForbidden.corsNotEnabled();
  const requested = (header(req, 'access-control-request-headers') ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  const rule = matchCorsRule(rules, origin, method, requested);
  if (!rule) throw AccessForbidden.corsForbidden();
  const h = allowHeaders(rule, origin);
  if (requested.length > 0) h['access-control-allow-headers'] = requested.join(', ');
  return { status: 200, headers: h };
}

/** Headers for an actual (non-preflight) response; empty when no rule allows the request. */
export function corsResponseHeaders(req: AwsRequest, rules: CorsRule[] | undefined): Record<string, string> {
  const origin = header(req, 'origin');
  if (!origin || !rules) return {};
  const rule = matchCorsRule(rules, origin, req.method);
  return rule ? allowHeaders(rule, origin) : {};
}
