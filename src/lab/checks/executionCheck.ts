// The latest execution of a state machine: its status and, per state, whether it was
// entered, succeeded or failed (from the execution history, as on AWS).
import { ListExecutionsCommand, type HistoryEvent } from '@aws-sdk/client-sfn';
import type { StateOutcome } from '../../shared/lessonTypes';
import { executionHistory } from '../actions/execution';
import type { LabSession } from '../session';
import type { Verdict } from './verdict';

/** State name → what happened to it, from history events. */
export function stateOutcomes(events: HistoryEvent[]): Map<string, 'entered' | 'succeeded' | 'failed'> {
  const out = new Map<string, 'entered' | 'succeeded' | 'failed'>();
  for (const e of events) {
    const entered = e.stateEnteredEventDetails;
    if (entered?.name && !out.has(entered.name)) out.set(entered.name, 'entered');
    const exited = e.stateExitedEventDetails;
    if (exited?.name) out.set(exited.name, 'succeeded');
  }
  // A failure event names no state: it belongs to the state entered last before it.
  let current: string | undefined;
  for (const e of events) {
    if (e.stateEnteredEventDetails?.name) current = e.stateEnteredEventDetails.name;
    if (e.stateExitedEventDetails?.name === current) current = undefined;
    if (current && /Failed$|TimedOut$|Aborted$/.test(e.type ?? '') && out.get(current) !== 'succeeded')
      out.set(current, 'failed');
  }
  return out;
}

export async function execution(
  session: LabSession,
  c: { stateMachine: string; status?: string; states?: Record<string, StateOutcome> },
): Promise<Verdict> {
  const arn = session.state().resources[c.stateMachine]?.ref;
  if (!arn) return { passed: false, message: `${c.stateMachine} is not deployed; deploy it first` };
  const list = await session.clients.sfn.send(new ListExecutionsCommand({ stateMachineArn: arn, maxResults: 10 }));
  const latest = [...(list.executions ?? [])].sort(
    (a, b) => (b.startDate?.getTime() ?? 0) - (a.startDate?.getTime() ?? 0),
  )[0];
  if (!latest) return { passed: false, message: `${c.stateMachine} has not run yet; start an execution` };
  if (c.status && latest.status !== c.status) {
    return {
      passed: false,
      message: `the latest execution of ${c.stateMachine} is ${latest.status}, not ${c.status}; ${latest.status === 'RUNNING' ? 'wait for it to finish' : 'look at its graph to see which state failed, fix it and start a new one'}`,
    };
  }
  if (c.states) {
    const outcomes = stateOutcomes(await executionHistory(session, latest.executionArn!));
    for (const [state, want] of Object.entries(c.states)) {
      const got = outcomes.get(state);
      const ok = want === 'notEntered' ? got === undefined : want === 'entered' ? got !== undefined : got === want;
      if (!ok)
        return {
          passed: false,
          message: `in the latest execution, state ${state} ${got ? `was ${got === 'entered' ? 'entered but did not finish' : got}` : 'was never entered'}; it should be ${want === 'notEntered' ? 'skipped' : want}`,
        };
    }
  }
  return { passed: true, message: `the latest execution of ${c.stateMachine} is ${latest.status}` };
}
