// lesson.yaml checked against schemas/lesson.schema.json (the same file editors use),
// with ajv's errors turned into `lesson.yaml:LINE: sentence`.
import Ajv, { type ErrorObject } from 'ajv';
import schema from '../../../schemas/lesson.schema.json';
import type { LessonDiagnostic } from '../../shared/lessonTypes';
import type { YamlSource } from './yamlSource';

type Branch = { properties: { type: { const: string } } };
const typesOf = (list: 'action' | 'check') =>
  (schema.definitions[list].oneOf as Branch[]).map((b) => b.properties.type.const);
/** The action and check types lesson.yaml may use, as the schema lists them. */
export const ACTION_TYPES: readonly string[] = typesOf('action');
export const CHECK_TYPES: readonly string[] = typesOf('check');

let compiled: ReturnType<Ajv['compile']> | undefined;

function validator() {
  compiled ??= new Ajv({ allErrors: true, discriminator: true, strict: false, verbose: true }).compile(schema);
  return compiled;
}

export function checkLessonSchema(source: YamlSource): LessonDiagnostic[] {
  const validate = validator();
  if (validate(source.value)) return [];
  return schemaDiagnostics(validate.errors ?? [], source);
}

/** ajv's errors as `file:LINE: sentence`, one per place and message (the translation overlay uses it too). */
export function schemaDiagnostics(errors: ErrorObject[], source: YamlSource): LessonDiagnostic[] {
  const seen = new Set<string>();
  const out: LessonDiagnostic[] = [];
  for (const e of errors) {
    const path = pointerToPath(e.instancePath);
    const extra =
      e.keyword === 'additionalProperties' ? [(e.params as { additionalProperty: string }).additionalProperty] : [];
    const line = source.lineOf([...path, ...extra]);
    const message = describe(e, path);
    const k = `${line}:${message}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ file: source.file, line, message });
  }
  return out;
}

function pointerToPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function where(path: (string | number)[]): string {
  if (path.length === 0) return 'lesson';
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const p = path[i];
    if (typeof p === 'number') parts[parts.length - 1] += `[${p + 1}]`;
    else parts.push(p);
  }
  return parts.join('.');
}

function describe(e: ErrorObject, path: (string | number)[]): string {
  const at = where(path);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      // A title is what the student reads on a button or beside a check; say so.
      if (p.missingProperty === 'title' && /^(actions|checks)$/.test(String(path[path.length - 2]))) {
        return `${at} is missing 'title'; every action and check needs a title a student reads (e.g. "Deploy the queue", "The queue holds your orders")`;
      }
      return `${at} is missing '${String(p.missingProperty)}'`;
    case 'minLength':
      return `${at} must not be empty`;
    case 'additionalProperties': {
      const allowed = Object.keys((e.parentSchema as { properties?: object }).properties ?? {});
      return `${at} has unknown property '${String(p.additionalProperty)}'; allowed: ${allowed.join(', ')}`;
    }
    case 'discriminator': {
      const kinds = (
        (e.parentSchema as { oneOf?: Array<{ properties: { type: { const: string } } }> }).oneOf ?? []
      ).map((s) => s.properties.type.const);
      if (p.error === 'mapping')
        return `${at} has unknown type '${String(p.tagValue)}'; use one of ${kinds.join(', ')}`;
      return `${at} needs a 'type': one of ${kinds.join(', ')}`;
    }
    case 'enum':
      return `${at} must be one of ${(p.allowedValues as unknown[]).join(', ')}`;
    case 'pattern':
      return `${at} must match ${String(p.pattern)} (letters, digits and dashes)`;
    case 'type':
      return `${at} must be ${String(p.type) === 'array' ? 'a list' : `a${/^[aeiou]/.test(String(p.type)) ? 'n' : ''} ${String(p.type)}`}`;
    default:
      return `${at} ${e.message ?? 'is invalid'}`;
  }
}
