// Template parameter values: an override (settings, `hoc lab run --parameter`), else the
// Default. List types (CommaDelimitedList, List<…>) resolve to lists, as CloudFormation does.
import type { LessonTemplate } from '../template/model';

export type ParameterValue = string | string[] | undefined;

export function isListParameter(type: string | undefined): boolean {
  return type === 'CommaDelimitedList' || /^List</.test(type ?? '');
}

/** Each declared parameter's value; overrides for parameters the template does not declare are ignored. */
export function parameterValues(
  template: LessonTemplate,
  overrides: Readonly<Record<string, string>> = {},
): Record<string, ParameterValue> {
  return Object.fromEntries(
    Object.entries(template.parameters).map(([name, p]) => {
      const raw = Object.hasOwn(overrides, name)
        ? overrides[name]
        : p.Default === undefined
          ? undefined
          : String(p.Default);
      if (raw === undefined) return [name, undefined];
      if (!isListParameter(p.Type)) return [name, raw];
      return [
        name,
        raw
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      ];
    }),
  );
}

/** `NAME=VALUE` pairs (the CLI's `--parameter`), checked against what the template declares. */
export function parseParameterOverrides(pairs: readonly string[], template: LessonTemplate): Record<string, string> {
  const declared = Object.keys(template.parameters);
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new Error(`--parameter takes NAME=VALUE, not '${pair}'.`);
    const name = pair.slice(0, eq);
    if (!declared.includes(name))
      throw new Error(
        `The lesson's template has no parameter '${name}'; ${declared.length ? `it declares ${declared.join(', ')}` : 'it declares none'}.`,
      );
    out[name] = pair.slice(eq + 1);
  }
  return out;
}
