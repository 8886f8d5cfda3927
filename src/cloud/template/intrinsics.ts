// CloudFormation intrinsic functions of the supported subset: Ref, Fn::GetAtt, Fn::Sub,
// Fn::Join, Fn::Select, Fn::Split and the pseudo parameters.

export interface IntrinsicContext {
  /** Ref of a logical ID, parameter or pseudo parameter; a list parameter (CommaDelimitedList, List<…>) gives a list. */
  ref(name: string): string | string[];
  getAtt(logicalId: string, attribute: string): string;
}

/** Marker for AWS::NoValue: the property disappears. */
const NO_VALUE = Symbol('AWS::NoValue');

export function isIntrinsic(v: unknown): v is Record<string, unknown> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Condition' || keys[0].startsWith('Fn::'));
}

/** Resolves every intrinsic inside `value`. */
export function resolveIntrinsics(value: unknown, ctx: IntrinsicContext): unknown {
  const out = resolve(value, ctx);
  return out === NO_VALUE ? undefined : out;
}

function resolve(value: unknown, ctx: IntrinsicContext): unknown {
  if (Array.isArray(value)) return value.map((v) => resolve(v, ctx)).filter((v) => v !== NO_VALUE);
  if (!value || typeof value !== 'object') return value;
  if (isIntrinsic(value)) {
    const [name, arg] = Object.entries(value)[0];
    return evaluate(name, arg, ctx);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const r = resolve(v, ctx);
    if (r !== NO_VALUE) out[k] = r;
  }
  return out;
}

function evaluate(name: string, arg: unknown, ctx: IntrinsicContext): unknown {
  switch (name) {
    case 'Ref':
      return arg === 'AWS::NoValue' ? NO_VALUE : ctx.ref(String(arg));
    case 'Fn::GetAtt': {
      const [id, attr] = getAttArgs(arg);
      return ctx.getAtt(id, attr);
    }
    case 'Fn::Sub': {
      const [template, vars] = subArgs(arg);
      const local = Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, String(resolve(v, ctx))]));
      return substitute(template, (v) => {
        if (v in local) return local[v];
        const [name, attr] = subVariableTarget(v);
        return attr === undefined ? String(ctx.ref(name)) : ctx.getAtt(name, attr);
      });
    }
    case 'Fn::Join': {
      const [sep, list] = arg as [string, unknown];
      return (resolve(list, ctx) as unknown[]).map(String).join(sep);
    }
    case 'Fn::Select': {
      const [index, list] = arg as [unknown, unknown];
      const items = resolve(list, ctx) as unknown[];
      const i = Number(resolve(index, ctx));
      if (!Array.isArray(items) || !(i >= 0 && i < items.length))
        throw new Error(`Fn::Select index ${i} is outside the list`);
      return items[i];
    }
    case 'Fn::Split': {
      const [sep, source] = arg as [string, unknown];
      return String(resolve(source, ctx)).split(sep);
    }
    default:
      throw new Error(`${name} is not supported`);
  }
}

export function getAttArgs(arg: unknown): [string, string] {
  if (Array.isArray(arg)) return [String(arg[0]), String(arg[1])];
  const s = String(arg);
  const dot = s.indexOf('.');
  return [s.slice(0, dot), s.slice(dot + 1)];
}

/** Fn::Sub's argument: a string, or [string, { Variable: value }]. */
export function subArgs(arg: unknown): [string, Record<string, unknown>] {
  return Array.isArray(arg) ? [String(arg[0]), (arg[1] ?? {}) as Record<string, unknown>] : [String(arg), {}];
}

/** What a Sub variable names: `Id.Attr` an attribute ([id, attr]); anything else a Ref ([name]). */
export function subVariableTarget(v: string): [string, string | undefined] {
  const dot = v.indexOf('.');
  return dot > 0 && !v.startsWith('AWS::') ? [v.slice(0, dot), v.slice(dot + 1)] : [v, undefined];
}

/** `${Name}` / `${Name.Attr}` substitution; `${!Literal}` stays as `${Literal}`. */
export function substitute(template: string, lookup: (variable: string) => string): string {
  return template.replace(/\$\{([^}]*)\}/g, (_, v: string) =>
    v.startsWith('!') ? `\${${v.slice(1)}}` : lookup(v.trim()),
  );
}

/** Variables a Sub string names (without `${!…}` literals). */
export function subVariables(template: string): string[] {
  return [...template.matchAll(/\$\{([^}!][^}]*)\}/g)].map((m) => m[1].trim());
}

/**
 * Every name `value` refers to, as [logicalIdOrParameter, attribute?]. Sub variables defined
 * in the Sub's own map are excluded.
 */
export function collectReferences(
  value: unknown,
  out: Array<[string, string | undefined]> = [],
): Array<[string, string | undefined]> {
  if (Array.isArray(value)) {
    for (const v of value) collectReferences(v, out);
  } else if (value && typeof value === 'object') {
    if (isIntrinsic(value)) {
      const [name, arg] = Object.entries(value)[0];
      if (name === 'Ref') out.push([String(arg), undefined]);
      else if (name === 'Fn::GetAtt') out.push(getAttArgs(arg));
      else if (name === 'Fn::Sub') {
        const [template, vars] = subArgs(arg);
        for (const v of subVariables(template)) if (!(v in vars)) out.push(subVariableTarget(v));
        collectReferences(vars, out);
      } else collectReferences(arg, out);
    } else {
      for (const v of Object.values(value)) collectReferences(v, out);
    }
  }
  return out;
}
