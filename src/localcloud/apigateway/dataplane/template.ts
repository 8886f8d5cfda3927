// Mapping templates. API Gateway uses Velocity (VTL); the local cloud renders the subset that
// labs and the console's defaults use — references to $input, $context, $stageVariables and
// $util — and leaves directives (#set, #foreach, #if) out. A template that needs them
// fails with a message that says so instead of producing a wrong payload.
import { JSONPath } from 'jsonpath-plus';

export interface TemplateScope {
  body: string;
  context: Record<string, unknown>;
  stageVariables?: Record<string, string>;
  /** Path, query string and header parameters for $input.params(). */
  params: { path: Record<string, string>; querystring: Record<string, string>; header: Record<string, string> };
}

export class UnsupportedTemplate extends Error {}

const REFERENCE =
  /\$!?\{?(input\.json\('([^']*)'\)|input\.path\('([^']*)'\)|input\.params\('([^']*)'\)|input\.body|util\.escapeJavaScript\(\$input\.body\)|util\.base64Encode\(\$input\.body\)|context(?:\.[A-Za-z0-9_]+)+|stageVariables\.[A-Za-z0-9_]+)\}?/g;

export function renderTemplate(template: string, scope: TemplateScope): string {
  if (/^\s*#(set|foreach|if|elseif|else|end|macro|define)\b/m.test(template)) {
    throw new UnsupportedTemplate(
      'This mapping template uses Velocity directives (#set, #foreach, #if …), which the local cloud does not render. Use a proxy integration, or run the lesson on LocalStack or AWS.',
    );
  }
  return template.replace(REFERENCE, (_m, expr: string, jsonPath?: string, path?: string, param?: string) => {
    if (jsonPath !== undefined) return JSON.stringify(select(scope.body, jsonPath) ?? null);
    if (path !== undefined) {
      const v = select(scope.body, path);
      return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v ?? '');
    }
    if (param !== undefined)
      return scope.params.path[param] ?? scope.params.querystring[param] ?? headerParam(scope, param) ?? '';
    if (expr === 'input.body') return scope.body;
    if (expr.startsWith('util.escapeJavaScript')) return JSON.stringify(scope.body).slice(1, -1);
    if (expr.startsWith('util.base64Encode')) return Buffer.from(scope.body).toString('base64');
    if (expr.startsWith('stageVariables.')) return scope.stageVariables?.[expr.slice('stageVariables.'.length)] ?? '';
    let value: unknown = scope.context;
    for (const key of expr.split('.').slice(1)) value = (value as Record<string, unknown> | undefined)?.[key];
    return value === undefined || value === null ? '' : String(value);
  });
}

function select(body: string, path: string): unknown {
  let json: unknown;
  try {
    json = body === '' ? {} : JSON.parse(body);
  } catch {
    return undefined;
  }
  const result: unknown = JSONPath({ path: path || '$', json: json as object, wrap: false });
  return result;
}

function headerParam(scope: TemplateScope, name: string): string | undefined {
  const key = Object.keys(scope.params.header).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : scope.params.header[key];
}
