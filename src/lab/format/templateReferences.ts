// Every intrinsic in a template must be one we evaluate, and every Ref/GetAtt/Sub must name
// a resource, parameter or pseudo parameter that exists (and an attribute it has).
import type { LessonTemplate } from '../../cloud/template/model';
import { getAttArgs, isIntrinsic, subArgs, subVariables, subVariableTarget } from '../../cloud/template/intrinsics';
import {
  INTERNAL_TYPE_SPECS,
  PSEUDO_PARAMETERS,
  SUPPORTED_INTRINSICS,
  TEMPLATE_RESOURCE_TYPES,
  type ResourceTypeSpec,
} from '../../cloud/template/resourceTypes';
import type { Report } from './templateFile';

type Path = (string | number)[];

export function specOf(template: LessonTemplate, id: string): { type: string; spec?: ResourceTypeSpec } | undefined {
  const type = template.authored[id] ?? template.resources[id]?.type;
  if (!type) return undefined;
  return { type, spec: TEMPLATE_RESOURCE_TYPES[type] ?? INTERNAL_TYPE_SPECS[type] };
}

export function checkTemplateReferences(root: Record<string, unknown>, template: LessonTemplate, report: Report): void {
  // Authored IDs count even when their type is unsupported (reported once, with the type).
  const names = new Set([
    ...Object.keys(template.resources),
    ...Object.keys(template.authored),
    ...Object.keys(template.parameters),
    ...PSEUDO_PARAMETERS,
  ]);
  const checkRef = (name: string, path: Path) => {
    if (!names.has(name))
      report(
        path,
        `Ref '${name}' names nothing in this template; use a logical ID, a parameter or one of ${PSEUDO_PARAMETERS.join(', ')}`,
      );
  };
  const checkAtt = (id: string, attr: string, path: Path) => {
    const s = specOf(template, id);
    if (!s) return report(path, `GetAtt '${id}.${attr}' names no resource of this template`);
    if (!s.spec) return; // an unsupported type, reported with the resource
    const attrs = s.spec?.attributes ?? [];
    if (!attrs.includes(attr))
      report(path, `${s.type} has no attribute '${attr}' here; it has ${attrs.length ? attrs.join(', ') : 'none'}`);
  };
  const walk = (v: unknown, path: Path) => {
    if (Array.isArray(v)) return v.forEach((x, i) => walk(x, [...path, i]));
    if (!v || typeof v !== 'object') return;
    if (isIntrinsic(v)) {
      const [name, arg] = Object.entries(v)[0];
      const at = [...path, name];
      if (!(SUPPORTED_INTRINSICS as readonly string[]).includes(name)) {
        return report(
          at,
          `${name} is not supported; a lesson template may use ${SUPPORTED_INTRINSICS.join(', ')} (short forms !Ref, !GetAtt, !Sub … too)`,
        );
      }
      if (name === 'Ref') return checkRef(String(arg), at);
      if (name === 'Fn::GetAtt') {
        const [id, attr] = getAttArgs(arg);
        return checkAtt(id, attr, at);
      }
      if (name === 'Fn::Sub') {
        const [text, vars] = subArgs(arg);
        for (const variable of subVariables(text)) {
          if (variable in vars) continue;
          const [id, attr] = subVariableTarget(variable);
          if (attr === undefined) checkRef(id, at);
          else checkAtt(id, attr, at);
        }
        return walk(vars, [...at, 1]);
      }
      if (['Fn::Join', 'Fn::Select', 'Fn::Split'].includes(name) && (!Array.isArray(arg) || arg.length !== 2)) {
        return report(at, `${name} takes a list of two items`);
      }
      return walk(arg, at);
    }
    for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  const resources = (root.Resources ?? {}) as Record<string, { Properties?: unknown }>;
  for (const [id, r] of Object.entries(resources)) walk(r?.Properties, ['Resources', id, 'Properties']);
  const outputs = (root.Outputs ?? {}) as Record<string, { Value?: unknown }>;
  for (const [name, o] of Object.entries(outputs)) walk(o?.Value, ['Outputs', name, 'Value']);
  const globals = (root.Globals ?? {}) as Record<string, unknown>;
  walk(globals, ['Globals']);
}
