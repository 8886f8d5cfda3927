// Runs a graph of states (the state machine, a Parallel branch, a Map iteration): enters each
// state, records its Entered/Exited events, applies Catch, and follows the transitions.
import { languageOf } from '../../../asl/model';
import type { AslState, AslStateMachine, QueryLanguage } from '../../../asl/types';
import type { Json } from './jsonPath';
import { caughtOutput, findCatcher } from './retryCatch';
import type { Frame, Thread } from './runtime';
import type { StateEnv, StateOutcome } from './stateIo';
import { ExecutionAborted, StatesError, asStatesError, runtimeError } from './statesError';
import { runChoice } from './states/choice';
import { runMap } from './states/map';
import { runParallel } from './states/parallel';
import { runPass } from './states/pass';
import { runTask } from './states/task';
import { runFail, runSucceed } from './states/terminal';
import { runWait } from './states/wait';

export interface StepResult extends StateOutcome {
  /** The next state's name; undefined when the graph ends here. */
  next?: string;
  /** Set when a Catch handled an error (TestState reports CAUGHT_ERROR). */
  caughtError?: StatesError;
}

type Executor = (env: StateEnv, graph: GraphRunner) => Promise<StepResult>;

const EXECUTORS: Record<AslState['Type'], Executor> = {
  Pass: runPass,
  Task: runTask,
  Choice: runChoice,
  Wait: runWait,
  Succeed: runSucceed,
  Fail: runFail,
  Parallel: runParallel,
  Map: runMap,
};

/** Lets Parallel and Map run their child graphs without a circular import. */
export interface GraphRunner {
  run(machine: AslStateMachine, input: Json, thread: Thread, frame: Frame, language: QueryLanguage): Promise<Json>;
}

export const graphRunner: GraphRunner = { run: runGraph };

export async function runGraph(
  machine: AslStateMachine,
  input: Json,
  thread: Thread,
  frame: Frame,
  inherited: QueryLanguage,
): Promise<Json> {
  const language = languageOf(machine, inherited);
  let name = machine.StartAt;
  let value = input;
  for (;;) {
    const state = machine.States[name];
    if (!state) throw runtimeError(`The state '${name}' does not exist in the state machine.`);
    const step = await runState(name, state, value, thread, frame, languageOf(state, language));
    await yieldNow(thread);
    if (step.next === undefined) return step.output;
    name = step.next;
    value = step.output;
  }
}

const transitions = new WeakMap<object, number>();

/** A loop of Pass/Choice states never waits on I/O: let the server breathe every 100 states. */
async function yieldNow(thread: Thread): Promise<void> {
  const n = (transitions.get(thread.rt) ?? 0) + 1;
  transitions.set(thread.rt, n);
  if (n % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
}

export async function runState(
  name: string,
  state: AslState,
  input: Json,
  thread: Thread,
  frame: Frame,
  language: QueryLanguage,
  inspect?: StateEnv['inspect'],
): Promise<StepResult> {
  const inputText = JSON.stringify(input);
  checkSize(inputText, name, 'input');
  thread.emit(`${state.Type}StateEntered`, {
    key: 'stateEnteredEventDetails',
    value: { name, input: inputText, inputDetails: { truncated: false } },
  });
  const env: StateEnv = {
    thread,
    frame,
    name,
    state,
    language,
    input,
    enteredTime: new Date().toISOString(),
    retryCount: 0,
    inspect,
  };
  let step: StepResult;
  try {
    step = await EXECUTORS[state.Type](env, graphRunner);
  } catch (e) {
    if (e instanceof ExecutionAborted) {
      // A sibling branch or iteration failed (not the whole execution): AWS records the state as
      // aborted, pointing at the failure's event (the abort reason).
      if (!thread.rt.signal.aborted && thread.signal.aborted && typeof thread.signal.reason === 'number') {
        thread.side(`${state.Type}StateAborted`, undefined, thread.signal.reason);
      }
      throw e;
    }
    const err = asStatesError(e);
    const catcher = findCatcher(state.Catch, err.error);
    if (!catcher) throw err;
    const outcome = await caughtOutput(env, catcher, err);
    exited(thread, state, name, outcome);
    return { ...outcome, next: catcher.Next, caughtError: err };
  }
  exited(thread, state, name, step);
  return step;
}

/** AWS limits state input and output to 256 KiB. */
const MAX_PAYLOAD = 256 * 1024;

function checkSize(text: string, name: string, what: string): void {
  if (Buffer.byteLength(text) > MAX_PAYLOAD) {
    throw new StatesError(
      'States.DataLimitExceeded',
      `The ${what} of the state '${name}' is larger than the 256 KiB Step Functions allows. Pass large data by reference (e.g. an S3 key).`,
    );
  }
}

function exited(thread: Thread, state: AslState, name: string, outcome: StateOutcome): void {
  const output = JSON.stringify(outcome.output);
  checkSize(output, name, 'output');
  const value: Record<string, unknown> = { name, output, outputDetails: { truncated: false } };
  if (outcome.assigned) {
    value.assignedVariables = Object.fromEntries(
      Object.entries(outcome.assigned).map(([k, v]) => [k, JSON.stringify(v)]),
    );
    value.assignedVariablesDetails = { truncated: false };
  }
  thread.emit(`${state.Type}StateExited`, { key: 'stateExitedEventDetails', value });
}

/** The transition after a state that does not choose: Next, or the end of the graph. */
export function nextOf(state: AslState): string | undefined {
  return state.End === true ? undefined : state.Next;
}
