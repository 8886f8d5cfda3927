// The envelope every webview and its host speak: the view says `ready`, then sends requests
// correlated by id; the host answers each with a response and may push events. Both sides
// validate what arrives (a webview message is untrusted input) with the small checkers below.

/** Method table of one view: method name → params and result types. */
export type MethodTable = Record<string, { params: unknown; result: unknown }>;

export type ViewToHost<M extends MethodTable> =
  | { kind: 'ready' }
  | { [K in keyof M & string]: { kind: 'request'; id: number; method: K; params: M[K]['params'] } }[keyof M & string];

export type HostToView<E extends { type: string }> =
  | { kind: 'response'; id: number; ok: true; result: unknown }
  | { kind: 'response'; id: number; ok: false; error: string }
  | { kind: 'event'; event: E };

/** A checker returns the value typed, or throws ProtocolError naming the bad field. */
export type Checker<T> = (value: unknown, path: string) => T;

export class ProtocolError extends Error {}

function fail(path: string, expected: string): never {
  throw new ProtocolError(`${path}: expected ${expected}`);
}

export const check = {
  string: ((v, p) => (typeof v === 'string' ? v : fail(p, 'a string'))) as Checker<string>,
  number: ((v, p) => (typeof v === 'number' && Number.isFinite(v) ? v : fail(p, 'a number'))) as Checker<number>,
  boolean: ((v, p) => (typeof v === 'boolean' ? v : fail(p, 'true or false'))) as Checker<boolean>,
  unknown: ((v) => v) as Checker<unknown>,
  optional<T>(inner: Checker<T>): Checker<T | undefined> {
    return (v, p) => (v === undefined || v === null ? undefined : inner(v, p));
  },
  array<T>(inner: Checker<T>, max = 10_000): Checker<T[]> {
    return (v, p) => {
      if (!Array.isArray(v)) fail(p, 'an array');
      if (v.length > max) fail(p, `at most ${max} items`);
      return v.map((item, i) => inner(item, `${p}[${i}]`));
    };
  },
  literal<T extends string>(...values: T[]): Checker<T> {
    return (v, p) => (values.includes(v as T) ? (v as T) : fail(p, values.map((x) => `'${x}'`).join(' or ')));
  },
  record<T>(inner: Checker<T>): Checker<Record<string, T>> {
    return (v, p) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(p, 'an object');
      const out: Record<string, T> = {};
      for (const [k, x] of Object.entries(v)) out[k] = inner(x, `${p}.${k}`);
      return out;
    };
  },
  object<T extends object>(fields: { [K in keyof T]-?: Checker<T[K]> }): Checker<T> {
    return (v, p) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(p, 'an object');
      const src = v as Record<string, unknown>;
      const out = {} as T;
      for (const key of Object.keys(fields) as Array<keyof T & string>) {
        const value = fields[key](src[key], `${p}.${key}`);
        if (value !== undefined) out[key] = value;
      }
      return out;
    };
  },
};

/** Checkers of each method's params, keyed like the method table. */
export type ParamCheckers<M extends MethodTable> = { [K in keyof M]: Checker<M[K]['params']> };

/** Validates a message a view sent; returns it typed or throws ProtocolError. */
export function parseViewMessage<M extends MethodTable>(raw: unknown, params: ParamCheckers<M>): ViewToHost<M> {
  const msg = check.object<{ kind: string; id?: number; method?: string; params?: unknown }>({
    kind: check.literal('ready', 'request'),
    id: check.optional(check.number),
    method: check.optional(check.string),
    params: check.unknown,
  })(raw, 'message');
  if (msg.kind === 'ready') return { kind: 'ready' };
  if (msg.id === undefined) fail('message.id', 'a number');
  const method = msg.method ?? fail('message.method', 'a method name');
  if (!Object.prototype.hasOwnProperty.call(params, method))
    fail('message.method', `one of ${Object.keys(params).join(', ')}`);
  const checked = params[method as keyof M](msg.params ?? {}, `${method}.params`);
  return { kind: 'request', id: msg.id, method, params: checked } as ViewToHost<M>;
}

/** Validates what a host sent to a view (the envelope; results are typed by the caller). */
export function parseHostMessage(raw: unknown): HostToView<{ type: string }> {
  const msg = check.object<{
    kind: string;
    id?: number;
    ok?: boolean;
    result?: unknown;
    error?: string;
    event?: { type: string };
  }>({
    kind: check.literal('response', 'event'),
    id: check.optional(check.number),
    ok: check.optional(check.boolean),
    result: check.unknown,
    error: check.optional(check.string),
    event: check.optional(check.object<{ type: string }>({ type: check.string })),
  })(raw, 'message');
  if (msg.kind === 'event') {
    if (!msg.event) fail('message.event', 'an event');
    return { kind: 'event', event: (raw as { event: { type: string } }).event };
  }
  if (msg.id === undefined) fail('message.id', 'a number');
  return msg.ok
    ? { kind: 'response', id: msg.id, ok: true, result: msg.result }
    : { kind: 'response', id: msg.id, ok: false, error: msg.error ?? 'unknown error' };
}
