// Pass: hands on its input, a fixed Result, Parameters (JSONPath) or Output (JSONata).
import type { Json } from '../jsonPath';
import { nextOf, type StepResult } from '../runner';
import { effectiveInput, finishState, type StateEnv } from '../stateIo';

export async function runPass(env: StateEnv): Promise<StepResult> {
  if (env.language === 'JSONata') {
    const outcome = await finishState(env, env.input, { hasResult: false });
    return { ...outcome, next: nextOf(env.state) };
  }
  const payload = effectiveInput(env);
  const result: Json = env.state.Result !== undefined ? (env.state.Result as Json) : payload;
  const outcome = await finishState(env, result, { hasResult: true });
  return { ...outcome, next: nextOf(env.state) };
}
