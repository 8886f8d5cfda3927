// How a state turns its input into the payload it works on, and its result into its output,
// in both query languages: InputPath/Parameters/ResultSelector/ResultPath/OutputPath for
// JSONPath; Arguments/Output with `$states` for JSONata; Assign in both.
import type { AslState, QueryLanguage } from '../../../asl/types';
import { evaluateTemplate, isJsonataExpression, type JsonataScope } from './jsonataEval';
import { applyResultPath, requirePath, type Json, type PathScope } from './jsonPath';
import { applyTemplate } from './payload';
import { contextObject, type Frame, type Thread } from './runtime';
import { StatesError } from './statesError';

/** One entry into one state. */
export interface StateEnv {
  readonly thread: Thread;
  readonly frame: Frame;
  readonly name: string;
  readonly state: AslState;
  readonly language: QueryLanguage;
  readonly input: Json;
  readonly enteredTime: string;
  retryCount: number;
  /** Optional observer of each processing step (TestState's inspection data). */
  readonly inspect?: (step: string, value: Json) => void;
}

export function context(env: StateEnv, taskToken?: string): Json {
  return contextObject(
    env.thread.rt,
    env.frame,
    { name: env.name, enteredTime: env.enteredTime, retryCount: env.retryCount },
    taskToken,
  );
}

export function pathScope(env: StateEnv, input: Json, taskToken?: string): PathScope {
  return { input, context: context(env, taskToken), variables: env.frame.variables };
}

export function jsonataScope(
  env: StateEnv,
  extra: Partial<JsonataScope['states']> = {},
  taskToken?: string,
): JsonataScope {
  return { states: { input: env.input, context: context(env, taskToken), ...extra }, variables: env.frame.variables };
}

function afterInputPath(env: StateEnv): Json {
  if (env.state.InputPath === null) return {};
  if (env.state.InputPath === undefined) return env.input;
  return requirePath(env.state.InputPath, pathScope(env, env.input), 'InputPath');
}

/** JSONPath: InputPath then Parameters (or ItemSelector for Map items, handled by Map). */
export function effectiveInput(env: StateEnv, taskToken?: string): Json {
  const { state } = env;
  let value = afterInputPath(env);
  env.inspect?.('afterInputPath', value);
  if (state.Parameters !== undefined && state.Type !== 'Map') {
    value = applyTemplate(state.Parameters, pathScope(env, value, taskToken), 'Parameters');
    env.inspect?.('afterParameters', value);
  }
  return value;
}

/** JSONata: Arguments (Task, Parallel) evaluated with `$states.input`. */
export async function jsonataArguments(env: StateEnv, taskToken?: string): Promise<Json> {
  if (env.state.Arguments === undefined) return env.state.Type === 'Task' ? {} : env.input;
  const value = await evaluateTemplate(env.state.Arguments, jsonataScope(env, {}, taskToken), 'Arguments');
  env.inspect?.('afterArguments', value);
  return value;
}

export interface StateOutcome {
  output: Json;
  /** Variables assigned by this state, for the StateExited event. */
  assigned?: Record<string, Json>;
}

/**
 * JSONPath: ResultSelector → ResultPath → OutputPath, then Assign (with `$` = the result).
 * `hasResult` is false for states that pass their input through (Choice, Wait, Succeed).
 */
export async function finishState(
  env: StateEnv,
  result: Json,
  /** `assign`/`output`: null = none, undefined = the state's own Assign/Output. */
  options: { hasResult: boolean; resultSelector?: boolean; assign?: Record<string, unknown> | null; output?: unknown },
): Promise<StateOutcome> {
  const { state } = env;
  if (options.hasResult) env.inspect?.('result', result);
  const assignTemplate = options.assign === null ? undefined : (options.assign ?? state.Assign);
  if (env.language === 'JSONata') {
    const scope = jsonataScope(env, options.hasResult ? { result } : {});
    const outputTemplate =
      options.output === null ? undefined : options.output !== undefined ? options.output : state.Output;
    const assigned = assignTemplate
      ? ((await evaluateTemplate(assignTemplate, scope, 'Assign')) as Record<string, Json>)
      : undefined;
    const output =
      outputTemplate !== undefined
        ? await evaluateTemplate(outputTemplate, scope, 'Output')
        : options.hasResult
          ? result
          : env.input;
    commitVariables(env, assigned);
    return { output, assigned };
  }
  let value = result;
  if (options.resultSelector && state.ResultSelector !== undefined) {
    value = applyTemplate(state.ResultSelector, pathScope(env, result), 'ResultSelector');
    env.inspect?.('afterResultSelector', value);
  }
  const assigned = assignTemplate
    ? (applyTemplate(assignTemplate, pathScope(env, value), 'Assign') as Record<string, Json>)
    : undefined;
  let output = options.hasResult ? applyResultPath(env.input, state.ResultPath, value) : afterInputPath(env);
  if (options.hasResult) env.inspect?.('afterResultPath', output);
  if (state.OutputPath === null) output = {};
  else if (state.OutputPath !== undefined) output = requirePath(state.OutputPath, pathScope(env, output), 'OutputPath');
  commitVariables(env, assigned);
  return { output, assigned };
}

function commitVariables(env: StateEnv, assigned: Record<string, Json> | undefined): void {
  if (!assigned) return;
  Object.assign(env.frame.variables, assigned);
  env.inspect?.('variables', { ...env.frame.variables });
}

/** A field that may be a number, a `…Path` (JSONPath) or a `{% %}` expression (JSONata). */
export async function numberField(env: StateEnv, field: string, input: Json = env.input): Promise<number | undefined> {
  const raw = (env.state as unknown as Record<string, unknown>)[field];
  const path = (env.state as unknown as Record<string, unknown>)[`${field}Path`];
  let value: unknown = raw;
  if (isJsonataExpression(raw)) value = await evaluateTemplate(raw, jsonataScope(env), field);
  else if (typeof path === 'string') value = requirePath(path, pathScope(env, input), `${field}Path`);
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new StatesError(
      'States.Runtime',
      `The value of the field '${field}' must be a number, not ${JSON.stringify(value)}.`,
    );
  }
  return value;
}
