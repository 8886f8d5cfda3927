// The States.* intrinsic functions of JSONPath states: a small parser for the call syntax and
// one implementation per function. Failures are States.IntrinsicFailure, as on AWS.
import { createHash, randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { requirePath, type Json, type PathScope } from './jsonPath';
import { StatesError } from './statesError';

type Arg =
  { kind: 'value'; value: Json } | { kind: 'path'; path: string } | { kind: 'call'; name: string; args: Arg[] };

export function isIntrinsic(text: string): boolean {
  return /^States\.[A-Za-z0-9]+\s*\(/.test(text.trim());
}

export function evaluateIntrinsic(text: string, scope: PathScope, field: string): Json {
  const parser = new Parser(text.trim());
  const call = parser.call();
  parser.end();
  return run(call, scope, field);
}

function fail(message: string): never {
  throw new StatesError('States.IntrinsicFailure', message);
}

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  call(): Extract<Arg, { kind: 'call' }> {
    const m = /^States\.([A-Za-z0-9]+)\s*\(/.exec(this.src.slice(this.pos));
    if (!m) fail(`Invalid intrinsic function call at position ${this.pos} of '${this.src}'.`);
    this.pos += m[0].length;
    const args: Arg[] = [];
    this.ws();
    if (this.src[this.pos] === ')') {
      this.pos++;
      return { kind: 'call', name: m[1]!, args };
    }
    for (;;) {
      args.push(this.arg());
      this.ws();
      const c = this.src[this.pos++];
      if (c === ')') break;
      if (c !== ',') fail(`Expected ',' or ')' at position ${this.pos - 1} of '${this.src}'.`);
    }
    return { kind: 'call', name: m[1]!, args };
  }

  end(): void {
    this.ws();
    if (this.pos !== this.src.length) fail(`Unexpected text after the intrinsic function call in '${this.src}'.`);
  }

  private ws(): void {
    while (this.src[this.pos] === ' ') this.pos++;
  }

  private arg(): Arg {
    this.ws();
    const rest = this.src.slice(this.pos);
    if (rest.startsWith('States.')) return this.call();
    if (rest.startsWith("'")) return { kind: 'value', value: this.string() };
    if (rest.startsWith('$')) {
      // A path runs until a top-level ',' or ')' (brackets and quotes may contain them).
      let depth = 0;
      let i = this.pos;
      let quote: string | undefined;
      for (; i < this.src.length; i++) {
        const c = this.src[i]!;
        if (quote) {
          if (c === quote) quote = undefined;
        } else if (c === "'" || c === '"') quote = c;
        else if (c === '[' || c === '(') depth++;
        else if (c === ']' || c === ')') {
          if (depth === 0) break;
          depth--;
        } else if (c === ',' && depth === 0) break;
      }
      const path = this.src.slice(this.pos, i).trim();
      this.pos = i;
      return { kind: 'path', path };
    }
    const literal = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(rest);
    if (literal) {
      this.pos += literal[0].length;
      return { kind: 'value', value: JSON.parse(literal[0]) as Json };
    }
    fail(`Unexpected argument at position ${this.pos} of '${this.src}'.`);
  }

  private string(): string {
    let out = '';
    this.pos++;
    while (this.pos < this.src.length) {
      const c = this.src[this.pos++]!;
      if (c === '\\') {
        out += this.src[this.pos++] ?? '';
        continue;
      }
      if (c === "'") return out;
      out += c;
    }
    fail(`Unterminated string in '${this.src}'.`);
  }
}

function run(call: Extract<Arg, { kind: 'call' }>, scope: PathScope, field: string): Json {
  const values = call.args.map((a) =>
    a.kind === 'value' ? a.value : a.kind === 'path' ? requirePath(a.path, scope, field) : run(a, scope, field),
  );
  const fn = FUNCTIONS[call.name];
  if (!fn) fail(`The intrinsic function 'States.${call.name}' does not exist.`);
  return fn(values, call.name);
}

const need = (cond: boolean, name: string, what: string): void => {
  if (!cond) fail(`Invalid arguments in States.${name}: ${what}`);
};
const isInt = (v: Json): v is number => typeof v === 'number' && Number.isInteger(v);
const text = (v: Json) => (typeof v === 'string' ? v : JSON.stringify(v));
/** States.Format renders objects and arrays the way AWS's Java runtime prints them: {k=v, …}. */
const formatted = (v: Json): string =>
  typeof v === 'string'
    ? v
    : Array.isArray(v)
      ? `[${v.map(formatted).join(', ')}]`
      : v !== null && typeof v === 'object'
        ? `{${Object.entries(v)
            .map(([k, x]) => `${k}=${formatted(x)}`)
            .join(', ')}}`
        : JSON.stringify(v);
/** A deterministic number in [0, 1) for a seed (mulberry32). */
function seeded(seed: number): number {
  let t = (Math.trunc(seed) + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const HASHES: Record<string, string> = {
  MD5: 'md5',
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};

const FUNCTIONS: Record<string, (args: Json[], name: string) => Json> = {
  Format: ([template, ...rest], n) => {
    need(typeof template === 'string', n, 'the first argument must be a string template');
    const parts = (template as string).split('{}');
    need(
      parts.length - 1 === rest.length,
      n,
      `the template has ${parts.length - 1} placeholders but ${rest.length} values were given`,
    );
    return parts.reduce((acc, p, i) => acc + p + (i < rest.length ? formatted(rest[i]!) : ''), '');
  },
  StringToJson: ([s], n) => {
    need(typeof s === 'string', n, 'the argument must be a string');
    if ((s as string).trim() === '') return null;
    try {
      return JSON.parse(s as string) as Json;
    } catch {
      return fail(`Invalid arguments in States.StringToJson: '${String(s)}' is not valid JSON`);
    }
  },
  JsonToString: ([v], n) => {
    need(v !== undefined, n, 'one argument is required');
    return JSON.stringify(v);
  },
  Array: (args) => args,
  ArrayPartition: ([arr, size], n) => {
    need(Array.isArray(arr) && isInt(size!) && (size as number) > 0, n, 'expected an array and a positive chunk size');
    const out: Json[] = [];
    for (let i = 0; i < (arr as Json[]).length; i += size as number)
      out.push((arr as Json[]).slice(i, i + (size as number)));
    return out;
  },
  ArrayContains: ([arr, v], n) => {
    need(Array.isArray(arr), n, 'the first argument must be an array');
    return (arr as Json[]).some((x) => isDeepStrictEqual(x, v));
  },
  ArrayRange: ([start, end, step], n) => {
    need(
      isInt(start!) && isInt(end!) && isInt(step!) && step !== 0,
      n,
      'expected integers start, end and a non-zero step',
    );
    const out: number[] = [];
    for (
      let i = start as number;
      (step as number) > 0 ? i <= (end as number) : i >= (end as number);
      i += step as number
    ) {
      out.push(i);
      need(out.length <= 1000, n, 'the range has more than 1000 items');
    }
    return out;
  },
  ArrayGetItem: ([arr, i], n) => {
    need(Array.isArray(arr) && isInt(i!) && (i as number) >= 0, n, 'expected an array and a non-negative index');
    need((i as number) < (arr as Json[]).length, n, `index ${String(i)} is out of bounds`);
    return (arr as Json[])[i as number]!;
  },
  ArrayLength: ([arr], n) => {
    need(Array.isArray(arr), n, 'the argument must be an array');
    return (arr as Json[]).length;
  },
  ArrayUnique: ([arr], n) => {
    need(Array.isArray(arr), n, 'the argument must be an array');
    const out: Json[] = [];
    for (const x of arr as Json[]) if (!out.some((y) => isDeepStrictEqual(x, y))) out.push(x);
    return out;
  },
  Base64Encode: ([s], n) => {
    need(typeof s === 'string' && s.length <= 10_000, n, 'the argument must be a string of at most 10000 characters');
    return Buffer.from(s as string, 'utf8').toString('base64');
  },
  Base64Decode: ([s], n) => {
    need(
      typeof s === 'string' && s.length <= 10_000,
      n,
      'the argument must be a base64 string of at most 10000 characters',
    );
    return Buffer.from(s as string, 'base64').toString('utf8');
  },
  Hash: ([data, algorithm], n) => {
    need(data !== undefined && data !== null, n, 'the data to hash must not be null');
    const alg = HASHES[String(algorithm)];
    need(alg !== undefined, n, `the hash algorithm must be one of ${Object.keys(HASHES).join(', ')}`);
    return createHash(alg!).update(text(data!)).digest('hex');
  },
  JsonMerge: ([a, b, deep], n) => {
    const isObj = (v: Json) => typeof v === 'object' && v !== null && !Array.isArray(v);
    need(isObj(a!) && isObj(b!), n, 'the first two arguments must be JSON objects');
    need(deep === false, n, 'deep merging is not supported; the third argument must be false');
    return { ...(a as object), ...(b as object) } as Json;
  },
  MathRandom: ([start, end, seed], n) => {
    need(
      typeof start === 'number' && typeof end === 'number' && Math.trunc(end) > Math.trunc(start),
      n,
      'expected numbers start < end',
    );
    need(seed === undefined || typeof seed === 'number', n, 'the seed must be a number');
    const lo = Math.trunc(start as number);
    const hi = Math.trunc(end as number);
    const random = seed === undefined ? Math.random() : seeded(seed as number);
    return lo + Math.floor(random * (hi - lo));
  },
  MathAdd: ([a, b], n) => {
    need(typeof a === 'number' && typeof b === 'number', n, 'both arguments must be numbers');
    return Math.trunc(a as number) + Math.trunc(b as number);
  },
  StringSplit: ([s, delimiters], n) => {
    need(typeof s === 'string' && typeof delimiters === 'string', n, 'both arguments must be strings');
    const chars = [...(delimiters as string)].map((c) => c.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'));
    if (chars.length === 0) return [s as string];
    return (s as string).split(new RegExp(`[${chars.join('')}]`)).filter((p) => p !== '');
  },
  UUID: (args, n) => {
    need(args.length === 0, n, 'no arguments are allowed');
    return randomUUID();
  },
};
