// TestState: runs one state on an input, without a state machine or history, and reports its
// output, the next state, errors and (for DEBUG/TRACE) each processing step.
import type { AslState, AslStateMachine, QueryLanguage } from '../../../asl/types';
import { languageOf } from '../../../asl/model';
import { STATE_KINDS } from '../../../asl/types';
import { InvalidDefinition, InvalidExecutionInput, ValidationException } from '../errors';
import type { Executor } from './executor';
import type { Json } from '../interpreter/jsonPath';
import { RetryPolicy } from '../interpreter/retryCatch';
import { runState } from '../interpreter/runner';
import { Thread, type ExecutionRuntime } from '../interpreter/runtime';
import { ExecutionAborted, StatesError, asStatesError } from '../interpreter/statesError';
import { executionArn, stateMachineArn, type ArnContext } from './arns';

export interface TestStateInput {
  definition?: unknown;
  roleArn?: unknown;
  input?: unknown;
  inspectionLevel?: unknown;
  variables?: unknown;
  stateName?: unknown;
  mock?: { result?: unknown; errorOutput?: { error?: unknown; cause?: unknown } };
}

export interface TestStateOutput {
  status: 'SUCCEEDED' | 'FAILED' | 'RETRIABLE' | 'CAUGHT_ERROR';
  output?: string;
  error?: string;
  cause?: string;
  nextState?: string;
  inspectionData?: Record<string, string>;
}

/** The machine AWS names in a tested state's context object. */
const TEST_MACHINE = 'TestStateStateMachine';

export async function testState(arns: ArnContext, executor: Executor, req: TestStateInput): Promise<TestStateOutput> {
  const { name, state, language } = pickState(req);
  const input = parseJson(req.input ?? '{}', 'input') as Json;
  const variables = req.variables === undefined ? {} : (parseJson(req.variables, 'variables') as Record<string, Json>);
  const controller = new AbortController();
  let eventId = 0;
  const rt: ExecutionRuntime = {
    identity: {
      executionArn: executionArn(arns, TEST_MACHINE, name),
      name: 'TestState',
      stateMachineArn: stateMachineArn(arns, TEST_MACHINE),
      stateMachineName: TEST_MACHINE,
      roleArn: typeof req.roleArn === 'string' ? req.roleArn : '',
      startTime: new Date(),
      input,
    },
    history: { emit: () => ++eventId },
    integrations: executor.integrations(),
    signal: controller.signal,
    mockTask: mockOf(req.mock),
    // TestState reports what a Wait would do without waiting.
    timeScale: 0,
    region: arns.region,
    accountId: arns.accountId,
  };
  const inspection: Record<string, string> = { input: JSON.stringify(input) };
  const debug = req.inspectionLevel === 'DEBUG' || req.inspectionLevel === 'TRACE';
  // TestState reports a retriable error instead of retrying it.
  const once: AslState = { ...state, Retry: undefined };
  try {
    const step = await runState(
      name,
      once,
      input,
      new Thread(rt, 0),
      { variables },
      language,
      debug ? (k, v) => (inspection[k] = JSON.stringify(v)) : undefined,
    );
    const out: TestStateOutput = {
      status: step.caughtError ? 'CAUGHT_ERROR' : 'SUCCEEDED',
      output: JSON.stringify(step.output),
      nextState: step.next,
    };
    if (step.caughtError) {
      out.error = step.caughtError.error;
      out.cause = step.caughtError.cause;
    }
    return debug ? { ...out, inspectionData: inspection } : out;
  } catch (e) {
    if (e instanceof ExecutionAborted) throw e;
    const err = asStatesError(e);
    const retriable = new RetryPolicy(state.Retry).nextDelay(err.error) !== undefined;
    const out: TestStateOutput = { status: retriable ? 'RETRIABLE' : 'FAILED', error: err.error, cause: err.cause };
    return debug ? { ...out, inspectionData: inspection } : out;
  } finally {
    controller.abort();
  }
}

/** `mock.result` (JSON text) or `mock.errorOutput` replace the Task's call. */
function mockOf(mock: TestStateInput['mock']): ExecutionRuntime['mockTask'] {
  if (!mock) return undefined;
  if (mock.errorOutput) {
    const { error, cause } = mock.errorOutput;
    return () =>
      Promise.reject(
        new StatesError(typeof error === 'string' ? error : '', typeof cause === 'string' ? cause : undefined),
      );
  }
  if (typeof mock.result !== 'string')
    throw new ValidationException('mock needs a result (JSON text) or an errorOutput');
  const result = parseJson(mock.result, 'mock.result') as Json;
  return () => Promise.resolve(structuredClone(result));
}

function pickState(req: TestStateInput): { name: string; state: AslState; language: QueryLanguage } {
  const parsed = parseJson(req.definition, 'definition') as Partial<AslStateMachine> & Partial<AslState>;
  if (parsed && typeof parsed === 'object' && parsed.States && typeof parsed.States === 'object') {
    const name = typeof req.stateName === 'string' ? req.stateName : parsed.StartAt;
    const state = name !== undefined ? parsed.States[name] : undefined;
    if (!state) throw new InvalidDefinition(`The state '${String(name)}' is not in the definition`);
    return { name: name!, state, language: languageOf(state, languageOf(parsed, 'JSONPath')) };
  }
  const state = parsed as AslState;
  if (!state || !STATE_KINDS.includes(state.Type))
    throw new InvalidDefinition(`SCHEMA_VALIDATION_FAILED: The state's Type must be one of ${STATE_KINDS.join(', ')}`);
  return {
    name: typeof req.stateName === 'string' ? req.stateName : 'TestState',
    state,
    language: languageOf(state, 'JSONPath'),
  };
}

function parseJson(text: unknown, field: string): unknown {
  if (typeof text !== 'string')
    throw new ValidationException(
      `1 validation error detected: Value at '${field}' failed to satisfy constraint: Member must not be null`,
    );
  try {
    return JSON.parse(text);
  } catch (e) {
    if (field === 'definition') throw new InvalidDefinition(`INVALID_JSON_DESCRIPTION: ${(e as Error).message}`);
    throw new InvalidExecutionInput(`The ${field} is not valid JSON: ${(e as Error).message}`);
  }
}
