// Bucket CORS: validation of a configuration and the first rule that allows a request.
import { InvalidRequest, MalformedXML } from '../errors';
import type { CorsRule } from './types';

const METHODS = new Set(['GET', 'PUT', 'POST', 'DELETE', 'HEAD']);

export function validateCorsRules(rules: CorsRule[]): void {
  if (rules.length === 0 || rules.length > 100) throw new MalformedXML();
  for (const rule of rules) {
    if (rule.allowedOrigins.length === 0 || rule.allowedMethods.length === 0) throw new MalformedXML();
    for (const method of rule.allowedMethods) {
      if (!METHODS.has(method))
        throw new InvalidRequest(`Found unsupported HTTP method in CORS config. Unsupported method is ${method}`);
    }
    for (const origin of rule.allowedOrigins) {
      if (origin.split('*').length > 2)
        throw new InvalidRequest(`AllowedOrigin "${origin}" can not have more than one wildcard.`);
    }
  }
}

/** S3 allows one `*` in an AllowedOrigin or AllowedHeader; header names match case-insensitively. */
function wildcardMatch(pattern: string, value: string, caseInsensitive: boolean): boolean {
  const p = caseInsensitive ? pattern.toLowerCase() : pattern;
  const v = caseInsensitive ? value.toLowerCase() : value;
  const star = p.indexOf('*');
  if (star === -1) return p === v;
  const head = p.slice(0, star);
  const tail = p.slice(star + 1);
  return v.length >= head.length + tail.length && v.startsWith(head) && v.endsWith(tail);
}

export function matchCorsRule(
  rules: CorsRule[],
  origin: string,
  method: string,
  requestHeaders: string[] = [],
): CorsRule | undefined {
  return rules.find(
    (rule) =>
      rule.allowedOrigins.some((o) => wildcardMatch(o, origin, false)) &&
      rule.allowedMethods.includes(method) &&
      requestHeaders.every((h) => rule.allowedHeaders.some((a) => wildcardMatch(a, h, true))),
  );
}
