// Route matching as API Gateway does it: among the deployed resources whose path template
// matches, the most specific wins (literal > {param} > {greedy+}, segment by segment), and a
// method defined for the request's verb beats ANY. HEAD is not mapped to GET.
import type { DeployedResource, HttpMethod, Method } from '../model/entities';

export interface RouteMatch {
  resource: DeployedResource;
  method: Method;
  /** Raw (still percent-encoded) values, as AWS passes them in the proxy event. */
  pathParameters: Record<string, string>;
}

type Score = number[];

export function matchRoute(
  resources: readonly DeployedResource[],
  httpMethod: string,
  rawPath: string,
): RouteMatch | undefined {
  // Trailing slashes are ignored; the path always starts with '/'.
  const trimmed = rawPath.length > 1 ? rawPath.replace(/\/+$/, '') : rawPath;
  const segments = trimmed === '/' || trimmed === '' ? [] : trimmed.slice(1).split('/');
  let best: { match: RouteMatch; score: Score } | undefined;
  for (const resource of resources) {
    const method = resource.methods[httpMethod as HttpMethod] ?? resource.methods.ANY;
    if (!method) continue;
    const matched = matchTemplate(resource.path, segments);
    if (!matched) continue;
    const score = [...matched.score, resource.methods[httpMethod as HttpMethod] ? 1 : 0];
    if (!best || compare(score, best.score) > 0)
      best = { match: { resource, method, pathParameters: matched.params }, score };
  }
  return best?.match;
}

function matchTemplate(
  template: string,
  segments: string[],
): { params: Record<string, string>; score: Score } | undefined {
  const parts = template === '/' ? [] : template.slice(1).split('/');
  const params: Record<string, string> = {};
  const score: Score = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.startsWith('{') && part.endsWith('+}')) {
      const rest = segments.slice(i).join('/');
      if (i !== parts.length - 1 || rest === '') return undefined;
      params[part.slice(1, -2)] = rest;
      score.push(1);
      return { params, score };
    }
    const segment = segments[i];
    if (segment === undefined || segment === '') return undefined;
    if (part.startsWith('{')) {
      params[part.slice(1, -1)] = segment;
      score.push(2);
    } else {
      if (safeDecode(segment) !== part) return undefined;
      score.push(3);
    }
  }
  return parts.length === segments.length ? { params, score } : undefined;
}

function compare(a: Score, b: Score): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
