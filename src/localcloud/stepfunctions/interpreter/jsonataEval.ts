// JSONata states: `{% … %}` strings anywhere in a field are evaluated with `$states` and the
// workflow variables bound, plus the functions Step Functions adds to JSONata.
import { createHash, randomUUID } from 'node:crypto';
import jsonata from 'jsonata';
import type { Json } from './jsonPath';
import { StatesError } from './statesError';

export interface JsonataScope {
  states: { input: Json; context: Json; result?: Json; errorOutput?: Json };
  variables: Record<string, Json>;
}

const compiled = new Map<string, jsonata.Expression>();
const HASHES: Record<string, string> = {
  MD5: 'md5',
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};

function queryError(message: string): StatesError {
  return new StatesError('States.QueryEvaluationError', message);
}

function compile(expr: string): jsonata.Expression {
  let e = compiled.get(expr);
  if (e) return e;
  try {
    e = jsonata(expr);
  } catch (err) {
    throw queryError(`The JSONata expression '${expr}' is not valid: ${(err as Error).message}`);
  }
  // Functions Step Functions adds to JSONata.
  e.registerFunction('partition', (arr: unknown[], size: number) => {
    if (!Array.isArray(arr) || !Number.isInteger(size) || size <= 0)
      throw queryError('$partition expects an array and a positive integer size');
    const out: unknown[][] = [];
    for (let i = 0; i < arr.length; i += size) out.push(arr.slice(i, i + size));
    return out;
  });
  e.registerFunction('range', (start: number, end: number, step: number) => {
    const out: number[] = [];
    if (!step) throw queryError('$range expects a non-zero step');
    for (let i = start; step > 0 ? i <= end : i >= end; i += step) out.push(i);
    return out;
  });
  e.registerFunction('hash', (value: unknown, algorithm: string) => {
    const alg = HASHES[algorithm];
    if (!alg) throw queryError(`$hash supports ${Object.keys(HASHES).join(', ')}, not '${algorithm}'`);
    return createHash(alg)
      .update(typeof value === 'string' ? value : JSON.stringify(value))
      .digest('hex');
  });
  e.registerFunction('random', () => Math.random());
  e.registerFunction('uuid', () => randomUUID());
  e.registerFunction('parse', (s: string) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      throw queryError(`$parse: '${s}' is not valid JSON`);
    }
  });
  compiled.set(expr, e);
  return e;
}

const EXPR = /^\{%([\s\S]*)%\}$/;

export function isJsonataExpression(v: unknown): v is string {
  return typeof v === 'string' && EXPR.test(v.trim());
}

/** Evaluates one `{% expr %}` string; anything that is not such a string is returned as is. */
export async function evaluateExpression(value: string, scope: JsonataScope, field: string): Promise<Json> {
  const m = EXPR.exec(value.trim());
  if (!m) return value;
  const expr = m[1]!.trim();
  let result: unknown;
  try {
    result = await compile(expr).evaluate(null, { states: scope.states, ...scope.variables });
  } catch (err) {
    if (err instanceof StatesError) throw err;
    const e = err as { message?: string; code?: string };
    throw queryError(
      `An error occurred while executing the state '${field}'. The JSONata expression '${expr}' failed: ${e.message ?? String(err)}`,
    );
  }
  if (result === undefined) {
    throw queryError(
      `The JSONata expression '${expr}' specified for the field '${field}' returned nothing (undefined).`,
    );
  }
  if (typeof result === 'function')
    throw queryError(
      `The JSONata expression '${expr}' specified for the field '${field}' returned a function, which is not JSON.`,
    );
  // JSONata sequences are arrays with extra properties; keep only the JSON.
  return JSON.parse(JSON.stringify(result)) as Json;
}

/** Evaluates every `{% %}` string inside a JSON template (objects and arrays, recursively). */
export async function evaluateTemplate(template: unknown, scope: JsonataScope, field: string): Promise<Json> {
  if (typeof template === 'string') return evaluateExpression(template, scope, field);
  if (Array.isArray(template)) {
    const out: Json[] = [];
    for (const item of template) out.push(await evaluateTemplate(item, scope, field));
    return out;
  }
  if (template && typeof template === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(template)) out[k] = await evaluateTemplate(v, scope, field);
    return out;
  }
  return template as Json;
}
