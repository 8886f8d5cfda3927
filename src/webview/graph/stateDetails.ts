// History → what the view shows per state: the status from src/asl's overlay, plus timing of the
// state's last run read from the events' timestamps. Pure; unit-tested.
import { overlayHistory, type AslModel, type HistoryEventLike, type StateRunStatus } from '../../asl';
import type { WireHistoryEvent } from '../../shared/webviewProtocolGraph';
import { t } from '../common/l10n';

export type StateStatus = StateRunStatus | 'notReached';

export interface StateDetail {
  status: StateStatus;
  /** Times entered (Map iterations and retries loops enter many times). */
  entered: number;
  input?: string;
  output?: string;
  error?: string;
  cause?: string;
  enteredAt?: number;
  exitedAt?: number;
  /** Exit − entry of the last run; for a running state, until `now`. */
  durationMs?: number;
}

export interface ExecutionView {
  states: Map<string, StateDetail>;
  outcome: string;
  unknownNames: string[];
}

export function executionView(model: AslModel, events: readonly WireHistoryEvent[], now: number): ExecutionView {
  const overlay = overlayHistory(model, events as readonly HistoryEventLike[]);
  const timeOf = new Map(events.map((e) => [e.id, e.timestamp]));
  const states = new Map<string, StateDetail>();
  for (const [id, run] of overlay.states) {
    const enteredAt = run.enteredEventId !== undefined ? timeOf.get(run.enteredEventId) : undefined;
    // The exit belongs to this run only when it came after the last entry.
    const exited =
      run.exitedEventId !== undefined && run.enteredEventId !== undefined && run.exitedEventId > run.enteredEventId;
    const exitedAt = exited ? timeOf.get(run.exitedEventId!) : undefined;
    const end = exitedAt ?? (run.status === 'running' ? now : undefined);
    states.set(id, {
      status: run.status,
      entered: run.entered,
      input: run.lastInput,
      output: exited ? run.lastOutput : undefined,
      error: run.error,
      cause: run.cause,
      enteredAt,
      exitedAt,
      durationMs: enteredAt !== undefined && end !== undefined ? Math.max(0, end - enteredAt) : undefined,
    });
  }
  return { states, outcome: overlay.outcome, unknownNames: overlay.unknownNames };
}

export function statusOf(view: ExecutionView | undefined, stateId: string): StateStatus {
  return view?.states.get(stateId)?.status ?? 'notReached';
}

export const STATUS_TEXT: Record<StateStatus, string> = {
  notReached: t('not reached'),
  running: t('running'),
  succeeded: t('succeeded'),
  failed: t('failed'),
  caught: t('failed, caught'),
  aborted: t('aborted'),
};
