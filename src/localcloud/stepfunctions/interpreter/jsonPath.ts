// JSONPath as Step Functions uses it: `$…` on the state input, `$$…` on the context object,
// `$name…` on a workflow variable; reference paths for ResultPath.
import { JSONPath } from 'jsonpath-plus';
import type { JsonValue } from '../../../asl/types';
import { runtimeError } from './statesError';

export type Json = JsonValue;

export interface PathScope {
  input: Json;
  context: Json;
  variables: Record<string, Json>;
}

/** Indefinite paths (wildcards, filters, slices, unions, deep scan) always yield an array. */
function isIndefinite(path: string): boolean {
  return /\*|\.\.|\?\(|\[[^\]]*[:,][^\]]*\]/.test(path);
}

/** Evaluates a path; `found` is false when nothing matched a definite path. */
export function queryPath(path: string, scope: PathScope): { found: boolean; value: Json } {
  let root: Json;
  let rest: string;
  if (path.startsWith('$$')) {
    root = scope.context;
    rest = '$' + path.slice(2);
  } else if (/^\$[A-Za-z_]/.test(path)) {
    const m = /^\$([A-Za-z_][A-Za-z0-9_]*)(.*)$/s.exec(path)!;
    if (!(m[1]! in scope.variables)) return { found: false, value: null };
    root = scope.variables[m[1]!]!;
    rest = '$' + m[2];
  } else if (path.startsWith('$')) {
    root = scope.input;
    rest = path;
  } else {
    throw runtimeError(`The path '${path}' is not a valid JSONPath: it must start with '$'.`);
  }
  if (rest === '$') return { found: true, value: root };
  let matches: Json[];
  try {
    matches = JSONPath({ path: rest, json: root as object, wrap: true, eval: 'safe' }) as Json[];
  } catch (e) {
    throw runtimeError(`The JSONPath '${path}' could not be evaluated: ${(e as Error).message}`);
  }
  if (isIndefinite(rest)) return { found: true, value: matches ?? [] };
  if (!matches || matches.length === 0) return { found: false, value: null };
  return { found: true, value: matches[0]! };
}

/** Like queryPath, but a missing value is the States.Runtime error AWS raises. */
export function requirePath(path: string, scope: PathScope, field: string): Json {
  const r = queryPath(path, scope);
  if (!r.found) {
    const where = path.startsWith('$$')
      ? 'the context object'
      : /^\$[A-Za-z_]/.test(path)
        ? 'the variables'
        : `the input '${JSON.stringify(scope.input)}'`;
    throw runtimeError(`The JSONPath '${path}' specified for the field '${field}' could not be found in ${where}`);
  }
  return r.value;
}

/** Splits a reference path (`$.a.b['c'][0]`) into keys and indexes. */
export function referenceSegments(path: string): Array<string | number> {
  if (!path.startsWith('$'))
    throw runtimeError(`The ResultPath '${path}' is not a valid reference path: it must start with '$'.`);
  const out: Array<string | number> = [];
  const re = /\.([^.[\]]+)|\[(\d+)\]|\[['"]([^'"]*)['"]\]/g;
  let pos = 1;
  let m: RegExpExecArray | null;
  re.lastIndex = 1;
  while ((m = re.exec(path)) !== null) {
    if (m.index !== pos) break;
    out.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : m[3]!));
    pos = re.lastIndex;
  }
  if (pos !== path.length)
    throw runtimeError(
      `The ResultPath '${path}' is not a valid reference path: only plain fields and indexes are allowed.`,
    );
  return out;
}

/** Applies ResultPath: null keeps the input, `$` replaces it, anything else sets a field. */
export function applyResultPath(input: Json, resultPath: string | null | undefined, result: Json): Json {
  if (resultPath === null) return input;
  if (resultPath === undefined || resultPath === '$') return result;
  const segments = referenceSegments(resultPath);
  const root: Json = structuredClone(input);
  if (typeof root !== 'object' || root === null) {
    throw runtimeError(
      `Unable to apply ResultPath '${resultPath}': the state input is not a JSON object (it is ${JSON.stringify(input)}).`,
    );
  }
  let node: Json = root;
  segments.forEach((seg, i) => {
    const last = i === segments.length - 1;
    const container = node as Record<string, Json> & Json[];
    if (last) {
      container[seg as never] = result as never;
      return;
    }
    let child = container[seg as never] as Json;
    if (typeof child !== 'object' || child === null) {
      child = {};
      container[seg as never] = child as never;
    }
    node = child;
  });
  return root;
}
