// JSONPath payload templates (Parameters, ResultSelector, ItemSelector, Assign): keys ending in
// `.$` take their value from a path or an intrinsic function; other values are copied.
import { evaluateIntrinsic, isIntrinsic } from './intrinsics';
import { requirePath, type Json, type PathScope } from './jsonPath';
import { runtimeError } from './statesError';

export function applyTemplate(template: unknown, scope: PathScope, field: string): Json {
  if (Array.isArray(template)) return template.map((t) => applyTemplate(t, scope, field));
  if (!template || typeof template !== 'object') return template as Json;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(template as Record<string, unknown>)) {
    if (key.endsWith('.$')) {
      const name = key.slice(0, -2);
      if (typeof value !== 'string')
        throw runtimeError(
          `The value of the field '${key}' must be a JSONPath or an intrinsic function, not ${JSON.stringify(value)}.`,
        );
      out[name] = isIntrinsic(value) ? evaluateIntrinsic(value, scope, key) : requirePath(value, scope, key);
    } else {
      out[key] = applyTemplate(value, scope, field);
    }
  }
  return out;
}
