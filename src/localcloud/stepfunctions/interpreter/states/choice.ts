// Choice: the first rule that matches picks the next state; Default otherwise, else
// States.NoChoiceMatched. JSONPath rules compare a Variable; JSONata rules test a Condition.
import type { AslChoiceRule } from '../../../../asl/types';
import { evaluateTemplate } from '../jsonataEval';
import { queryPath, requirePath, type Json } from '../jsonPath';
import type { StepResult } from '../runner';
import { finishState, jsonataScope, pathScope, type StateEnv } from '../stateIo';
import { StatesError, runtimeError } from '../statesError';

export async function runChoice(env: StateEnv): Promise<StepResult> {
  const choices = env.state.Choices ?? [];
  for (const rule of choices) {
    if (await matches(env, rule)) {
      // A matched rule assigns and shapes output with its own fields only; the state's apply to Default.
      const outcome = await finishState(env, env.input, {
        hasResult: false,
        assign: rule.Assign ?? null,
        output: rule.Output ?? null,
      });
      return { ...outcome, next: rule.Next };
    }
  }
  if (env.state.Default === undefined)
    throw new StatesError('States.NoChoiceMatched', `No Matches! (state '${env.name}')`);
  const outcome = await finishState(env, env.input, { hasResult: false });
  return { ...outcome, next: env.state.Default };
}

async function matches(env: StateEnv, rule: AslChoiceRule): Promise<boolean> {
  if (env.language === 'JSONata') {
    const v = await evaluateTemplate(rule.Condition, jsonataScope(env), 'Condition');
    if (typeof v !== 'boolean')
      throw new StatesError(
        'States.QueryEvaluationError',
        `The Condition of a choice rule must produce a boolean, not ${JSON.stringify(v)}.`,
      );
    return v;
  }
  return evaluateRule(env, rule);
}

function evaluateRule(env: StateEnv, rule: AslChoiceRule): boolean {
  if (Array.isArray(rule.And)) return rule.And.every((r) => evaluateRule(env, r));
  if (Array.isArray(rule.Or)) return rule.Or.some((r) => evaluateRule(env, r));
  if (rule.Not) return !evaluateRule(env, rule.Not);
  if (typeof rule.Variable !== 'string') throw runtimeError('A choice rule needs a Variable, or And/Or/Not.');
  const scope = pathScope(env, env.input);
  const found = queryPath(rule.Variable, scope);
  for (const [op, expected] of Object.entries(rule)) {
    if (op === 'Variable' || op === 'Next' || op === 'Comment' || op === 'Assign' || op === 'Output') continue;
    if (op === 'IsPresent') return found.found === expected;
    if (!found.found)
      throw runtimeError(
        `Invalid path '${rule.Variable}': The choice state's condition path references an invalid value.`,
      );
    const value = found.value;
    if (op.startsWith('Is')) return typeTest(op, value) === expected;
    const isPath = op.endsWith('Path');
    const base = isPath ? op.slice(0, -4) : op;
    const operand = isPath ? requirePath(String(expected), scope, op) : (expected as Json);
    return compare(base, value, operand);
  }
  throw runtimeError(`The choice rule on '${rule.Variable}' has no comparison operator.`);
}

function typeTest(op: string, v: Json): boolean {
  switch (op) {
    case 'IsNull':
      return v === null;
    case 'IsNumeric':
      return typeof v === 'number';
    case 'IsString':
      return typeof v === 'string';
    case 'IsBoolean':
      return typeof v === 'boolean';
    case 'IsTimestamp':
      return typeof v === 'string' && parseTimestamp(v) !== undefined;
    default:
      throw runtimeError(`Unknown choice operator '${op}'.`);
  }
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function parseTimestamp(v: string): number | undefined {
  if (!RFC3339.test(v)) return undefined;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : t;
}

function compare(op: string, value: Json, operand: Json): boolean {
  const kind = /^(String|Numeric|Boolean|Timestamp)(.*)$/.exec(op);
  if (!kind) throw runtimeError(`Unknown choice operator '${op}'.`);
  const [, type, rel] = kind;
  if (type === 'Boolean') return typeof value === 'boolean' && value === operand;
  if (type === 'String' && rel === 'Matches')
    return typeof value === 'string' && typeof operand === 'string' && wildcard(operand).test(value);
  let a: number | string;
  let b: number | string;
  if (type === 'Numeric') {
    if (typeof value !== 'number' || typeof operand !== 'number') return false;
    [a, b] = [value, operand];
  } else if (type === 'String') {
    if (typeof value !== 'string' || typeof operand !== 'string') return false;
    [a, b] = [value, operand];
  } else {
    const ta = typeof value === 'string' ? parseTimestamp(value) : undefined;
    const tb = typeof operand === 'string' ? parseTimestamp(operand) : undefined;
    if (ta === undefined || tb === undefined) return false;
    [a, b] = [ta, tb];
  }
  switch (rel) {
    case 'Equals':
      return a === b;
    case 'LessThan':
      return a < b;
    case 'GreaterThan':
      return a > b;
    case 'LessThanEquals':
      return a <= b;
    case 'GreaterThanEquals':
      return a >= b;
    default:
      throw runtimeError(`Unknown choice operator '${op}'.`);
  }
}

/** StringMatches: `*` matches anything; `\*` is a literal star. */
function wildcard(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && (pattern[i + 1] === '*' || pattern[i + 1] === '\\')) re += '\\' + pattern[++i];
    else if (c === '*') re += '.*';
    else re += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 's');
}
