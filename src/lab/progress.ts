// Where a student is in each lesson: per step, not started / in progress / done / check
// failed. One store for the editor and the CLI: the editor backs it with its workspace state
// (a Memento), the CLI with a JSON file; both record through the functions below.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StepProgress, StepState } from '../shared/lessonTypes';
import type { CheckResult } from '../shared/lessonResults';

export interface ProgressStore {
  get(lessonId: string, stepId: string): StepProgress;
  set(lessonId: string, stepId: string, progress: StepProgress): void;
  /** Every step with recorded progress for a lesson. */
  all(lessonId: string): Record<string, StepProgress>;
  reset(lessonId: string): void;
  /** Forgets one step's progress. */
  resetStep(lessonId: string, stepId: string): void;
}

export const NOT_STARTED: StepProgress = Object.freeze({
  state: 'notStarted',
  updatedAt: new Date(0).toISOString(),
}) as StepProgress;

/** The state after a step's checks ran: done when all pass (a step without checks is done when its actions ran). */
export function stateAfterChecks(results: CheckResult[]): StepState {
  return results.every((r) => r.passed) ? 'done' : 'checkFailed';
}

export function recordStarted(store: ProgressStore, lessonId: string, stepId: string, now = new Date()): void {
  const current = store.get(lessonId, stepId);
  if (current.state === 'notStarted')
    store.set(lessonId, stepId, { state: 'inProgress', updatedAt: now.toISOString() });
}

/** How many of the steps are not done yet. */
export function stepsLeft(store: ProgressStore, lessonId: string, stepIds: readonly string[]): number {
  const recorded = store.all(lessonId);
  return stepIds.filter((id) => recorded[id]?.state !== 'done').length;
}

export function recordChecks(
  store: ProgressStore,
  lessonId: string,
  stepId: string,
  results: CheckResult[],
  now = new Date(),
): StepProgress {
  const state = stateAfterChecks(results);
  const p: StepProgress = {
    state,
    updatedAt: now.toISOString(),
    ...(state === 'checkFailed'
      ? { failures: results.filter((r) => !r.passed).map((r) => `${r.title}: ${r.message}`) }
      : {}),
  };
  store.set(lessonId, stepId, p);
  return p;
}

/** Progress kept in memory behind any key-value storage (the extension passes its Memento). */
export class KeyValueProgressStore implements ProgressStore {
  constructor(private readonly storage: { get(key: string): unknown; update(key: string, value: unknown): void }) {}

  private key(lessonId: string) {
    return `progress/${lessonId}`;
  }
  private read(lessonId: string): Record<string, StepProgress> {
    return { ...((this.storage.get(this.key(lessonId)) as Record<string, StepProgress> | undefined) ?? {}) };
  }
  get(lessonId: string, stepId: string): StepProgress {
    return this.read(lessonId)[stepId] ?? NOT_STARTED;
  }
  set(lessonId: string, stepId: string, progress: StepProgress): void {
    this.storage.update(this.key(lessonId), { ...this.read(lessonId), [stepId]: progress });
  }
  all(lessonId: string): Record<string, StepProgress> {
    return this.read(lessonId);
  }
  reset(lessonId: string): void {
    this.storage.update(this.key(lessonId), undefined);
  }
  resetStep(lessonId: string, stepId: string): void {
    const { [stepId]: _dropped, ...rest } = this.read(lessonId);
    this.storage.update(this.key(lessonId), Object.keys(rest).length ? rest : undefined);
  }
}

/** A JSON file (the CLI keeps it at `<lesson>/.hoc/progress.json`). */
export class JsonFileProgressStore extends KeyValueProgressStore {
  constructor(path: string) {
    let data: Record<string, unknown> = {};
    try {
      data = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    } catch {
      // first use
    }
    super({
      get: (key) => data[key],
      update: (key, value) => {
        if (value === undefined) delete data[key];
        else data[key] = value;
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(`${path}.tmp`, JSON.stringify(data, null, 2) + '\n');
        renameSync(`${path}.tmp`, path);
      },
    });
  }
}
