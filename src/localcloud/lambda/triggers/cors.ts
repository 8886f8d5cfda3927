// CORS for function URLs: Lambda answers preflight requests itself and adds the configured
// headers to every response, replacing any CORS headers the function set.
import type { CorsConfig } from '../model/types';

function originAllowed(cors: CorsConfig, origin: string): boolean {
  return (cors.AllowOrigins ?? []).some((o) => o === '*' || o.toLowerCase() === origin.toLowerCase());
}

function allowOrigin(cors: CorsConfig, origin: string): string {
  return (cors.AllowOrigins ?? []).includes('*') && !cors.AllowCredentials ? '*' : origin;
}

const lower = (list: string[] | undefined) => (list ?? []).map((s) => s.toLowerCase());

/** Headers for a preflight (OPTIONS with Access-Control-Request-Method); empty when not allowed. */
export function preflightHeaders(
  cors: CorsConfig,
  origin: string,
  method: string,
  requestHeaders: string,
): Record<string, string> {
  if (!originAllowed(cors, origin)) return {};
  const methods = (cors.AllowMethods ?? []).map((m) => m.toUpperCase());
  if (!methods.includes('*') && !methods.includes(method.toUpperCase())) return {};
  const asked = requestHeaders
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const allowed = lower(cors.AllowHeaders);
  if (!allowed.includes('*') && asked.some((h) => !allowed.includes(h))) return {};
  const out: Record<string, string> = {
    'access-control-allow-origin': allowOrigin(cors, origin),
    'access-control-allow-methods': methods.includes('*') ? method.toUpperCase() : methods.join(','),
  };
  if (asked.length)
    out['access-control-allow-headers'] = allowed.includes('*') ? asked.join(',') : (cors.AllowHeaders ?? []).join(',');
  if (cors.AllowCredentials) out['access-control-allow-credentials'] = 'true';
  if (cors.MaxAge !== undefined) out['access-control-max-age'] = String(cors.MaxAge);
  out.vary = 'Origin';
  return out;
}

/** Headers added to an actual (non-preflight) response. */
export function responseCorsHeaders(cors: CorsConfig, origin: string | undefined): Record<string, string> {
  if (!origin || !originAllowed(cors, origin)) return {};
  const out: Record<string, string> = { 'access-control-allow-origin': allowOrigin(cors, origin), vary: 'Origin' };
  if (cors.ExposeHeaders?.length) out['access-control-expose-headers'] = cors.ExposeHeaders.join(',');
  if (cors.AllowCredentials) out['access-control-allow-credentials'] = 'true';
  return out;
}

export function stripCorsHeaders(headers: Record<string, string | string[]>): void {
  for (const k of Object.keys(headers)) if (k.toLowerCase().startsWith('access-control-')) delete headers[k];
}
