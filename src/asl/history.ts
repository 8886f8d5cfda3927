// Maps GetExecutionHistory events (as AWS shapes them, from any target) onto state ids, so a
// graph can colour each state: not started, running, succeeded, failed or caught.
import { modelOf, type AslModel } from './model';

/** The fields of an AWS HistoryEvent this module reads (SDK objects or parsed JSON both fit). */
export interface HistoryEventLike {
  id: number;
  previousEventId?: number;
  type: string;
  timestamp?: Date | string | number;
  stateEnteredEventDetails?: { name?: string; input?: string };
  stateExitedEventDetails?: { name?: string; output?: string };
  mapIterationStartedEventDetails?: { name?: string; index?: number };
  [details: string]: unknown;
}

export type StateRunStatus = 'running' | 'succeeded' | 'failed' | 'caught' | 'aborted';

export interface StateRun {
  stateId: string;
  status: StateRunStatus;
  /** How often the state was entered (Map iterations and loops enter many times). */
  entered: number;
  lastInput?: string;
  lastOutput?: string;
  /** Event ids of the last entry and exit. */
  enteredEventId?: number;
  exitedEventId?: number;
  error?: string;
  cause?: string;
}

export type ExecutionOutcome = 'running' | 'succeeded' | 'failed' | 'aborted' | 'timedOut';

export interface HistoryOverlay {
  states: Map<string, StateRun>;
  outcome: ExecutionOutcome;
  /** Names found in the history that the definition does not know (e.g. an edited machine). */
  unknownNames: string[];
}

/** The state name an event refers to, when it names one. */
export function stateNameOf(event: HistoryEventLike): string | undefined {
  return event.stateEnteredEventDetails?.name ?? event.stateExitedEventDetails?.name;
}

/** The state's kind from the event type: `TaskStateEntered` → `Task`. */
export function stateKindOf(eventType: string): string | undefined {
  const m = /^(Task|Pass|Choice|Wait|Succeed|Fail|Parallel|Map)State(Entered|Exited)$/.exec(eventType);
  return m?.[1];
}

export function overlayHistory(
  definition: string | unknown | AslModel,
  events: readonly HistoryEventLike[],
): HistoryOverlay {
  const model = modelOf(definition);
  const states = new Map<string, StateRun>();
  const unknown = new Set<string>();
  let outcome: ExecutionOutcome = 'running';
  const sorted = [...events].sort((a, b) => a.id - b.id);
  // States entered and not yet exited, by event id of the entry: a failure event blames them.
  const open = new Map<string, StateRun>();

  for (const ev of sorted) {
    const name = stateNameOf(ev);
    if (name !== undefined) {
      const id = model.idByName.get(name);
      if (!id) {
        unknown.add(name);
        continue;
      }
      let run = states.get(id);
      if (ev.type.endsWith('StateEntered')) {
        if (!run) states.set(id, (run = { stateId: id, status: 'running', entered: 0 }));
        run.entered++;
        run.status = 'running';
        run.lastInput = ev.stateEnteredEventDetails?.input;
        run.enteredEventId = ev.id;
        open.set(id, run);
        // A Fail state fails as soon as it is entered.
        if (ev.type === 'FailStateEntered') run.status = 'failed';
      } else if (run) {
        run.exitedEventId = ev.id;
        run.lastOutput = ev.stateExitedEventDetails?.output;
        run.status = run.status === 'failed' ? 'caught' : 'succeeded';
        open.delete(id);
      }
      continue;
    }
    const aborted = /^(Task|Pass|Choice|Wait|Succeed|Fail|Parallel|Map)StateAborted$/.exec(ev.type);
    if (aborted) {
      // A sibling's failure stopped this state; the event names only the state's kind.
      const victim = [...open.values()]
        .filter((r) => r.status === 'running' && model.byId.get(r.stateId)?.kind === aborted[1])
        .sort((a, b) => (b.enteredEventId ?? 0) - (a.enteredEventId ?? 0))[0];
      if (victim) {
        victim.status = 'aborted';
        open.delete(victim.stateId);
      }
      continue;
    }
    if (RETRY_START_TYPES.test(ev.type)) {
      // A retry starts: the state that failed is running again.
      const retried = [...open.values()]
        .filter((r) => r.status === 'failed' && r.error !== undefined)
        .sort((a, b) => (b.enteredEventId ?? 0) - (a.enteredEventId ?? 0))[0];
      if (retried) retried.status = 'running';
    }
    const failure = failureOf(ev);
    if (failure) {
      // The innermost open state (latest entered) is where the failure happened.
      const culprit = [...open.values()]
        .filter((r) => r.status !== 'failed')
        .sort((a, b) => (b.enteredEventId ?? 0) - (a.enteredEventId ?? 0))[0];
      if (culprit && !ev.type.startsWith('Execution')) {
        culprit.status = 'failed';
        culprit.error = failure.error ?? '';
        culprit.cause = failure.cause;
      }
    }
    if (ev.type === 'ExecutionSucceeded') outcome = 'succeeded';
    else if (ev.type === 'ExecutionFailed') outcome = 'failed';
    else if (ev.type === 'ExecutionAborted') outcome = 'aborted';
    else if (ev.type === 'ExecutionTimedOut') outcome = 'timedOut';
    if (ev.type === 'ExecutionFailed' || ev.type === 'ExecutionAborted' || ev.type === 'ExecutionTimedOut') {
      for (const run of open.values())
        if (run.status === 'running') run.status = ev.type === 'ExecutionFailed' ? 'failed' : 'aborted';
    }
  }
  return { states, outcome, unknownNames: [...unknown] };
}

const RETRY_START_TYPES = /^(LambdaFunctionScheduled|TaskScheduled|ParallelStateStarted|MapStateStarted)$/;
const FAILURE_TYPES =
  /^(Task|LambdaFunction|Activity)(Failed|TimedOut|StartFailed|ScheduleFailed|SubmitFailed)$|^(Map|Parallel)StateFailed$/;

function failureOf(ev: HistoryEventLike): { error?: string; cause?: string } | undefined {
  if (!FAILURE_TYPES.test(ev.type)) return undefined;
  for (const [key, value] of Object.entries(ev)) {
    if (key.endsWith('EventDetails') && value && typeof value === 'object') {
      const v = value as { error?: string; cause?: string };
      return { error: v.error, cause: v.cause };
    }
  }
  return {};
}
