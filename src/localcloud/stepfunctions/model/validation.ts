// Definition checks: JSON, then `asl-validator` (schema, transitions, terminal states), then
// what AWS refuses for EXPRESS machines. Messages are AWS's `CODE: message at /path` form.
import { validateAslDefinition } from '../../../asl/validate';
import type { AslStateMachine } from '../../../asl/types';
import { jsonTooDeep, MAX_JSON_NESTING } from '../../server/jsonNesting';

export interface Diagnostic {
  severity: 'ERROR' | 'WARNING';
  code: string;
  message: string;
  location?: string;
}

export function diagnose(definition: string, type: 'STANDARD' | 'EXPRESS' = 'STANDARD'): Diagnostic[] {
  let parsed: unknown;
  if (jsonTooDeep(definition)) {
    return [
      {
        severity: 'ERROR',
        code: 'INVALID_JSON_DESCRIPTION',
        message: `The definition nests JSON deeper than ${MAX_JSON_NESTING} levels`,
      },
    ];
  }
  try {
    parsed = JSON.parse(definition);
  } catch (e) {
    return [
      {
        severity: 'ERROR',
        code: 'INVALID_JSON_DESCRIPTION',
        message: `Unexpected character in the definition: ${(e as Error).message}`,
      },
    ];
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return [
      {
        severity: 'ERROR',
        code: 'SCHEMA_VALIDATION_FAILED',
        message: 'The definition must be a JSON object with StartAt and States',
        location: '/',
      },
    ];
  }
  const result = validateAslDefinition(parsed);
  const out: Diagnostic[] = result.errors
    .filter((e) => e['Error code'] !== 'DUPLICATE_FIELD_NAME' || hasDuplicateFields(parsed))
    .map((e) => ({
      severity: 'ERROR',
      code: e['Error code'],
      message: e.Message,
      location: e.schemaError?.instancePath || undefined,
    }));
  if (type === 'EXPRESS') out.push(...expressProblems(parsed as AslStateMachine, ''));
  return out;
}

function expressProblems(machine: AslStateMachine, prefix: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [name, state] of Object.entries(machine.States ?? {})) {
    const at = `${prefix}/States/${name}`;
    const resource = typeof state.Resource === 'string' ? state.Resource : '';
    const suffix = /\.waitForTaskToken$/.test(resource)
      ? '.waitForTaskToken'
      : /\.sync(:2)?$/.test(resource)
        ? '.sync'
        : undefined;
    if (suffix)
      out.push({
        severity: 'ERROR',
        code: 'SCHEMA_VALIDATION_FAILED',
        message: `Express state machine does not support '${suffix}' service integration`,
        location: `${at}/Resource`,
      });
    if (/^arn:[^:]+:states:[^:]*:[^:]*:activity:/.test(resource))
      out.push({
        severity: 'ERROR',
        code: 'SCHEMA_VALIDATION_FAILED',
        message: 'Express state machine does not support Activity ARN',
        location: `${at}/Resource`,
      });
    (state.Branches ?? []).forEach((b, i) => out.push(...expressProblems(b, `${at}/Branches[${i}]`)));
    const processor = state.ItemProcessor ?? state.Iterator;
    if (processor) out.push(...expressProblems(processor, `${at}/ItemProcessor`));
  }
  return out;
}

/**
 * asl-validator reports `toString.$` (and other Object.prototype names) as duplicates; only
 * trust its DUPLICATE_FIELD_NAME when some object really has both `x` and `x.$`.
 */
function hasDuplicateFields(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasDuplicateFields);
  if (!value || typeof value !== 'object') return false;
  const keys = Object.keys(value);
  if (keys.some((k) => k.endsWith('.$') && keys.includes(k.slice(0, -2)))) return true;
  return Object.values(value).some(hasDuplicateFields);
}

/** The InvalidDefinition message: every problem, AWS-style. */
export function describeProblems(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .filter((d) => d.severity === 'ERROR')
    .map((d) => `${d.code}: ${d.message}${d.location ? ` at ${d.location}` : ''}`)
    .join(', ');
}
