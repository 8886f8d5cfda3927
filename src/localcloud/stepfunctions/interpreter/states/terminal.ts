// Succeed ends its graph successfully; Fail ends it with an Error and a Cause.
import { evaluateTemplate, isJsonataExpression } from '../jsonataEval';
import { queryPath } from '../jsonPath';
import { evaluateIntrinsic, isIntrinsic } from '../intrinsics';
import type { StepResult } from '../runner';
import { finishState, jsonataScope, pathScope, type StateEnv } from '../stateIo';
import { StatesError } from '../statesError';

export async function runSucceed(env: StateEnv): Promise<StepResult> {
  return { ...(await finishState(env, env.input, { hasResult: false })), next: undefined };
}

export async function runFail(env: StateEnv): Promise<StepResult> {
  const error = await field(env, 'Error');
  const cause = await field(env, 'Cause');
  throw new StatesError(error ?? '', cause, cause !== undefined);
}

async function field(env: StateEnv, name: 'Error' | 'Cause'): Promise<string | undefined> {
  const raw = env.state[name];
  if (env.language === 'JSONata' && isJsonataExpression(raw)) {
    const v = await evaluateTemplate(raw, jsonataScope(env), name);
    if (typeof v !== 'string')
      throw new StatesError(
        'States.QueryEvaluationError',
        `The JSONata expression for the field '${name}' must produce a string, not ${JSON.stringify(v)}.`,
      );
    return v;
  }
  const path = env.state[`${name}Path`];
  if (typeof path === 'string') {
    if (isIntrinsic(path)) return String(evaluateIntrinsic(path, pathScope(env, env.input), `${name}Path`));
    const r = queryPath(path, pathScope(env, env.input));
    if (!r.found || typeof r.value !== 'string') {
      throw new StatesError(
        'States.Runtime',
        `The JSONPath '${path}' specified for the field '${name}Path' must point to a string in the input '${JSON.stringify(env.input)}'.`,
      );
    }
    return r.value;
  }
  return typeof raw === 'string' ? raw : undefined;
}
