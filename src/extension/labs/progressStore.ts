// Step progress per workspace: the lesson engine's store (src/lab/progress.ts — the same keys,
// texts and rules as `hoc lab run`) over the workspace state, plus what only the editor needs:
// a change event for the tree, the badge and the guide, and the step the student is on.
import * as vscode from 'vscode';
import { KeyValueProgressStore, NOT_STARTED, recordStarted, stepsLeft, type ProgressStore } from '../../lab/progress';
import type { StepProgress, StepState } from '../../shared/lessonTypes';

const ACTIVE_KEY = 'handsOnCloud.activeStep.v1';
/** Where earlier versions kept every lesson's progress in one value; moved once to the engine's keys. */
const LEGACY_KEY = 'handsOnCloud.progress.v1';

export interface ActiveStep {
  lessonDir: string;
  stepId: string;
}

export class EditorProgress implements ProgressStore {
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the lesson id whose progress changed. */
  readonly onDidChange = this.changed.event;
  private readonly store: KeyValueProgressStore;

  constructor(private readonly memento: vscode.Memento) {
    // Memento.update changes the value at once (get() sees it); the write to disk follows.
    this.store = new KeyValueProgressStore({
      get: (key) => memento.get(key),
      update: (key, value) => void memento.update(key, value),
    });
    this.migrate();
  }

  private migrate(): void {
    const legacy = this.memento.get<Record<string, Record<string, StepProgress>>>(LEGACY_KEY);
    if (!legacy) return;
    for (const [lessonId, steps] of Object.entries(legacy)) {
      for (const [stepId, p] of Object.entries(steps))
        if (this.store.get(lessonId, stepId) === NOT_STARTED) this.store.set(lessonId, stepId, p);
    }
    void this.memento.update(LEGACY_KEY, undefined);
  }

  get(lessonId: string, stepId: string): StepProgress {
    return this.store.get(lessonId, stepId);
  }
  state(lessonId: string, stepId: string): StepState {
    return this.store.get(lessonId, stepId).state;
  }
  all(lessonId: string): Record<string, StepProgress> {
    return this.store.all(lessonId);
  }
  set(lessonId: string, stepId: string, progress: StepProgress): void {
    this.store.set(lessonId, stepId, progress);
    this.changed.fire(lessonId);
  }
  reset(lessonId: string): void {
    this.store.reset(lessonId);
    this.changed.fire(lessonId);
  }
  resetStep(lessonId: string, stepId: string): void {
    this.store.resetStep(lessonId, stepId);
    this.changed.fire(lessonId);
  }
  /** Marks a step started unless it already has a state. */
  touch(lessonId: string, stepId: string): void {
    recordStarted(this, lessonId, stepId);
  }
  stepsLeft(lessonId: string, stepIds: readonly string[]): number {
    return stepsLeft(this.store, lessonId, stepIds);
  }

  get active(): ActiveStep | undefined {
    return this.memento.get<ActiveStep>(ACTIVE_KEY);
  }
  async setActive(active: ActiveStep): Promise<void> {
    await this.memento.update(ACTIVE_KEY, active);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
