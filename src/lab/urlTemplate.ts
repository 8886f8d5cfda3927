// URL and text templates in lesson.yaml: `${PowApi.Url}/pow?x=2&y=10`, `${Jobs}` (Ref),
// `${AWS::Region}`, `${Outputs.ApiUrl}`. Values come from what is deployed on the target.
import { substitute, subVariables } from '../cloud/template/intrinsics';

export type TemplateVariable =
  | { kind: 'ref'; id: string }
  | { kind: 'attr'; id: string; attribute: string }
  | { kind: 'output'; name: string }
  | { kind: 'pseudo'; name: string };

export function parseVariable(v: string): TemplateVariable {
  if (v.startsWith('AWS::')) return { kind: 'pseudo', name: v };
  const dot = v.indexOf('.');
  if (dot < 0) return { kind: 'ref', id: v };
  const id = v.slice(0, dot);
  const attribute = v.slice(dot + 1);
  return id === 'Outputs' ? { kind: 'output', name: attribute } : { kind: 'attr', id, attribute };
}

export function templateVariables(text: string): TemplateVariable[] {
  return subVariables(text).map(parseVariable);
}

export function expandTemplate(text: string, lookup: (v: TemplateVariable) => string): string {
  return substitute(text, (v) => lookup(parseVariable(v)));
}
