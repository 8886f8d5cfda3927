// CloudWatch Logs filter patterns for unstructured text: terms that must all appear
// (`ERROR timeout`), quoted phrases (`"Task timed out"`), excluded terms (`ERROR -retry`),
// alternatives (`?ERROR ?WARN`), and JSON patterns on one field (`{ $.level = "error" }`).
export type LogMatcher = (message: string) => boolean;

export function compileFilterPattern(pattern: string | undefined): LogMatcher {
  const text = (pattern ?? '').trim();
  if (text === '' || text === '""') return () => true;
  if (text.startsWith('{')) return compileJsonPattern(text);
  const terms = tokenize(text);
  const any = terms.filter((t) => t.startsWith('?')).map((t) => unquote(t.slice(1)));
  const none = terms.filter((t) => t.startsWith('-')).map((t) => unquote(t.slice(1)));
  const all = terms.filter((t) => !t.startsWith('?') && !t.startsWith('-')).map(unquote);
  return (m) => {
    if (any.length > 0 && !any.some((t) => m.includes(t))) return false;
    if (none.some((t) => m.includes(t))) return false;
    return all.every((t) => m.includes(t));
  };
}

function tokenize(text: string): string[] {
  return text.match(/[?-]?"(?:[^"\\]|\\.)*"|\S+/g) ?? [];
}

function unquote(term: string): string {
  return term.startsWith('"') && term.endsWith('"') && term.length >= 2 ? term.slice(1, -1).replace(/\\"/g, '"') : term;
}

/** `{ $.a.b = "x" }`, `{ $.n > 5 }`, `{ $.a != "y" }`; `*` wildcard in strings. */
function compileJsonPattern(text: string): LogMatcher {
  const m = /^\{\s*\$\.([\w.[\]]+)\s*(=|!=|>=|<=|>|<)\s*("(?:[^"\\]|\\.)*"|[^\s}]+)\s*\}$/.exec(text);
  if (!m) {
    return () => false;
  }
  const [, path, op, raw] = m as unknown as [string, string, string, string];
  const keys = path.split('.');
  const expected = unquote(raw);
  return (message) => {
    let value: unknown;
    try {
      value = JSON.parse(message.slice(message.indexOf('{')));
    } catch {
      return false;
    }
    for (const k of keys)
      value = value && typeof value === 'object' ? (value as Record<string, unknown>)[k] : undefined;
    if (value === undefined) return false;
    if (['>', '<', '>=', '<='].includes(op)) {
      const a = Number(value);
      const b = Number(expected);
      return op === '>' ? a > b : op === '<' ? a < b : op === '>=' ? a >= b : a <= b;
    }
    const re = new RegExp(
      `^${expected
        .split('*')
        .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    );
    const equal = re.test(String(value));
    return op === '=' ? equal : !equal;
  };
}
