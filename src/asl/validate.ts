// asl-validator, remembered. It builds and compiles its JSON schemas on every call (0.1–0.8 s
// here), and the same definitions are validated again and again: every lesson load (editor
// start, each lesson action), every CreateStateMachine of a redeploy. Results are kept by
// definition and options; the validator mutates what it gets (adds QueryLanguage), so it
// gets a copy.
import validateAsl from 'asl-validator';

export interface AslValidatorOptions {
  checkPaths?: boolean;
  checkArn?: boolean;
}

export interface AslValidation {
  isValid: boolean;
  errors: Array<{ 'Error code': string; Message: string; schemaError?: { instancePath?: string } }>;
}

const cache = new Map<string, AslValidation>();
const CACHE_SIZE = 200;

export function validateAslDefinition(definition: unknown, options?: AslValidatorOptions): AslValidation {
  const key = JSON.stringify([options ?? null, definition]);
  const hit = cache.get(key);
  if (hit) return hit;
  const raw = (validateAsl as unknown as (d: unknown, o?: AslValidatorOptions) => AslValidation)(
    structuredClone(definition),
    options,
  );
  const result = { ...raw, errors: raw.errors.map((e) => ({ ...e, Message: readable(e.Message) })) };
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, result);
  return result;
}

/** The validator names state machines by an internal counter (fsm1 is the top level); say what they are. */
function readable(message: string): string {
  return message
    .replace(/^State machine fsm1 is missing/, 'The state machine is missing')
    .replace(/^State machine fsm\d+ is missing/, 'A Parallel branch or Map iterator is missing');
}
