// Parses an ASL definition into a tree of state nodes with their transitions. Parallel branches
// and Map item processors become child graphs. Ids are paths, stable across parses and unique
// across nesting: `Top`, `Par/0/Inner` (branch 0 of Par), `Map/items/Step` (Map's processor).
import type { AslState, AslStateMachine, JsonObject, QueryLanguage, StateKind } from './types';
import { STATE_KINDS } from './types';

export type TransitionKind = 'next' | 'choice' | 'default' | 'catch';

export interface Transition {
  kind: TransitionKind;
  /** Target state name (within the same graph). */
  target: string;
  /** Target state id. Undefined when the target does not exist (an invalid definition). */
  targetId?: string;
  /** Human text: the catcher's errors, or a short rendering of the choice rule. */
  label?: string;
}

export interface StateNode {
  id: string;
  name: string;
  kind: StateKind;
  comment?: string;
  queryLanguage: QueryLanguage;
  /** Task resource, when kind is Task. */
  resource?: string;
  /** True for End: true, Succeed and Fail. */
  terminal: boolean;
  transitions: Transition[];
  /** Whether the state retries on some errors (a badge in the graph). */
  retries: boolean;
  /** Parallel: one graph per branch. Map: one graph for the item processor. */
  children: StateGraph[];
  /** The state's raw JSON. */
  raw: AslState;
}

export interface StateGraph {
  /** '' for the top level; `Par/0` for a branch; `Map/items` for a Map processor. */
  id: string;
  startAt: string;
  startId?: string;
  states: StateNode[];
  /** Id of the Parallel/Map state that owns this graph; undefined at the top. */
  parentStateId?: string;
}

export interface AslModel {
  comment?: string;
  queryLanguage: QueryLanguage;
  timeoutSeconds?: number;
  root: StateGraph;
  /** Every state of every nesting level, by id. */
  byId: Map<string, StateNode>;
  /** State names are unique across a whole state machine, so names map to ids. */
  idByName: Map<string, string>;
}

export class AslParseError extends Error {}

/** Escapes one path segment so that `/` inside state names cannot collide with nesting. */
export function escapeSegment(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function joinId(prefix: string, name: string): string {
  return prefix ? `${prefix}/${escapeSegment(name)}` : escapeSegment(name);
}

/** A machine's or state's own QueryLanguage, else the one it inherits from its enclosing graph. */
export function languageOf(node: { QueryLanguage?: unknown }, inherited: QueryLanguage): QueryLanguage {
  return node.QueryLanguage === 'JSONata' ? 'JSONata' : node.QueryLanguage === 'JSONPath' ? 'JSONPath' : inherited;
}

/** Accepts the definition as JSON text or as a parsed object. */
export function parseDefinition(definition: string | unknown): AslModel {
  let json: unknown = definition;
  if (typeof definition === 'string') {
    try {
      json = JSON.parse(definition);
    } catch (e) {
      throw new AslParseError(`The definition is not valid JSON: ${(e as Error).message}`);
    }
  }
  if (!isObject(json)) throw new AslParseError('The definition must be a JSON object with StartAt and States.');
  const machine = json as unknown as AslStateMachine;
  const queryLanguage = languageOf(machine, 'JSONPath');
  const byId = new Map<string, StateNode>();
  const idByName = new Map<string, string>();
  const root = parseGraph(machine, '', queryLanguage, undefined, byId, idByName);
  return {
    comment: typeof machine.Comment === 'string' ? machine.Comment : undefined,
    queryLanguage,
    timeoutSeconds: typeof machine.TimeoutSeconds === 'number' ? machine.TimeoutSeconds : undefined,
    root,
    byId,
    idByName,
  };
}

function parseGraph(
  machine: AslStateMachine,
  graphId: string,
  inherited: QueryLanguage,
  parentStateId: string | undefined,
  byId: Map<string, StateNode>,
  idByName: Map<string, string>,
): StateGraph {
  if (!isObject(machine) || !isObject(machine.States)) {
    throw new AslParseError(`${graphId ? `'${graphId}'` : 'The definition'} must have a States object.`);
  }
  const language = languageOf(machine, inherited);
  const names = Object.keys(machine.States);
  const idOf = (name: string) => (names.includes(name) ? joinId(graphId, name) : undefined);
  const states: StateNode[] = [];
  for (const name of names) {
    const raw = machine.States[name] as AslState;
    if (!isObject(raw)) throw new AslParseError(`State '${name}' must be an object.`);
    const kind = STATE_KINDS.includes(raw.Type) ? raw.Type : undefined;
    if (!kind) throw new AslParseError(`State '${name}' has an unknown Type '${String(raw.Type)}'.`);
    const id = joinId(graphId, name);
    const stateLanguage = languageOf(raw, language);
    const node: StateNode = {
      id,
      name,
      kind,
      comment: typeof raw.Comment === 'string' ? raw.Comment : undefined,
      queryLanguage: stateLanguage,
      resource: typeof raw.Resource === 'string' ? raw.Resource : undefined,
      terminal: raw.End === true || kind === 'Succeed' || kind === 'Fail',
      transitions: transitionsOf(raw, idOf),
      retries: Array.isArray(raw.Retry) && raw.Retry.length > 0,
      children: [],
      raw,
    };
    if (kind === 'Parallel' && Array.isArray(raw.Branches)) {
      node.children = raw.Branches.map((b, i) => parseGraph(b, `${id}/${i}`, stateLanguage, id, byId, idByName));
    }
    if (kind === 'Map') {
      const processor = raw.ItemProcessor ?? raw.Iterator;
      if (processor) node.children = [parseGraph(processor, `${id}/items`, stateLanguage, id, byId, idByName)];
    }
    byId.set(id, node);
    if (!idByName.has(name)) idByName.set(name, id);
    states.push(node);
  }
  const startAt = typeof machine.StartAt === 'string' ? machine.StartAt : '';
  return { id: graphId, startAt, startId: idOf(startAt), states, parentStateId };
}

function transitionsOf(raw: AslState, idOf: (name: string) => string | undefined): Transition[] {
  const out: Transition[] = [];
  const add = (kind: TransitionKind, target: unknown, label?: string) => {
    if (typeof target === 'string') out.push({ kind, target, targetId: idOf(target), label });
  };
  if (raw.Type === 'Choice') {
    for (const rule of Array.isArray(raw.Choices) ? raw.Choices : [])
      add('choice', rule?.Next, describeRule(rule as JsonObject));
    add('default', raw.Default, 'Default');
  } else {
    add('next', raw.Next);
  }
  for (const c of Array.isArray(raw.Catch) ? raw.Catch : []) {
    add('catch', c?.Next, Array.isArray(c?.ErrorEquals) ? c.ErrorEquals.join(', ') : undefined);
  }
  return out;
}

const OPERATOR_TEXT: Record<string, string> = {
  StringEquals: '==',
  NumericEquals: '==',
  BooleanEquals: '==',
  TimestampEquals: '==',
  StringLessThan: '<',
  NumericLessThan: '<',
  TimestampLessThan: '<',
  StringGreaterThan: '>',
  NumericGreaterThan: '>',
  TimestampGreaterThan: '>',
  StringLessThanEquals: '<=',
  NumericLessThanEquals: '<=',
  TimestampLessThanEquals: '<=',
  StringGreaterThanEquals: '>=',
  NumericGreaterThanEquals: '>=',
  TimestampGreaterThanEquals: '>=',
  StringMatches: 'matches',
  IsNull: 'is null',
  IsPresent: 'is present',
  IsNumeric: 'is numeric',
  IsString: 'is string',
  IsBoolean: 'is boolean',
  IsTimestamp: 'is timestamp',
};

/** A short, readable rendering of a choice rule for edge labels. */
export function describeRule(rule: JsonObject | undefined): string {
  if (!rule || typeof rule !== 'object') return '';
  if (typeof rule.Condition === 'string') return rule.Condition.replace(/^\{%\s*|\s*%\}$/g, '');
  if (typeof rule.Condition === 'boolean') return String(rule.Condition);
  if (Array.isArray(rule.And)) return rule.And.map((r) => describeRule(r as JsonObject)).join(' and ');
  if (Array.isArray(rule.Or)) return rule.Or.map((r) => describeRule(r as JsonObject)).join(' or ');
  if (rule.Not && typeof rule.Not === 'object') return `not (${describeRule(rule.Not as JsonObject)})`;
  for (const [key, value] of Object.entries(rule)) {
    const base = key.endsWith('Path') && !key.startsWith('Is') ? key.slice(0, -4) : key;
    const op = OPERATOR_TEXT[base];
    if (!op) continue;
    const variable = typeof rule.Variable === 'string' ? rule.Variable : '';
    if (key.startsWith('Is')) return `${variable} ${value === false ? op.replace(/^is /, 'is not ') : op}`;
    return `${variable} ${op} ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`;
  }
  return '';
}

/** The model of a definition (JSON text or object), or the model itself when already parsed. */
export function modelOf(definition: string | unknown | AslModel): AslModel {
  return isModel(definition) ? definition : parseDefinition(definition);
}

function isModel(v: unknown): v is AslModel {
  return typeof v === 'object' && v !== null && 'root' in v && 'byId' in v;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
