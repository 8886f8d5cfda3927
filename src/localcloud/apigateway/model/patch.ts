// The patch operations of the Update* calls: validation of `op` as API Gateway reports it,
// and JSON-pointer style paths (`~1` is '/', `~0` is '~').
import { BadRequestException, ValidationException } from '../errors';

export interface PatchOperation {
  op?: string;
  path?: string;
  value?: string;
  from?: string;
}

const OPS = ['add', 'remove', 'move', 'test', 'replace', 'copy'];

/** Checks every `op` first (all failures in one message), then hands back the operations. */
export function patchOperations(
  input: unknown,
  operation: string,
): Array<Required<Pick<PatchOperation, 'op' | 'path'>> & PatchOperation> {
  if (input === undefined || input === null) return [];
  if (!Array.isArray(input)) throw new BadRequestException('patchOperations must be a list.');
  const ops = input as PatchOperation[];
  const bad = ops.map((o, i) => ({ o, i })).filter(({ o }) => !OPS.includes(String(o.op)));
  if (bad.length > 0) {
    const details = bad.map(
      ({ o, i }) =>
        `Value '${o.op}' at '${operation}Input.patchOperations.${i + 1}.member.op' failed to satisfy constraint: Member must satisfy enum value set: [${OPS.join(', ')}]`,
    );
    throw new ValidationException(
      `${bad.length} validation error${bad.length > 1 ? 's' : ''} detected: ${details.join('; ')}`,
    );
  }
  return ops.map((o) => ({ ...o, op: String(o.op), path: String(o.path ?? '') }));
}

/** `/responseTemplates/application~1json` → ['responseTemplates', 'application/json']. */
export function pointer(path: string): string[] {
  return path
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export const unsupportedOp = (path: string, op: string) =>
  new BadRequestException(`Invalid patch path  '${path}' specified for op '${op}'. Please choose supported operations`);
export const invalidPath = (path: string, op: string, allowed: string[]) =>
  new BadRequestException(
    `Invalid patch path  '${path}' specified for op '${op}'. Must be one of: [${allowed.join(', ')}]`,
  );

/** add/replace/remove of one entry in a string map member (templates, parameters, models). */
export function patchMap<T>(
  map: Record<string, T> | undefined,
  op: string,
  key: string,
  value: T,
): Record<string, T> | undefined {
  const next = { ...(map ?? {}) };
  if (op === 'remove') delete next[key];
  else next[key] = value;
  return Object.keys(next).length > 0 ? next : undefined;
}

export function patchBoolean(value: string | undefined, path: string): boolean {
  if (value !== 'true' && value !== 'false')
    throw new BadRequestException(`Invalid value '${value}' for ${path}: use true or false.`);
  return value === 'true';
}
