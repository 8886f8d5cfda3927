// Step progress per workspace (workspaceState), so it survives reloads and is per project.
// One typed wrapper; everything else asks it.
import * as vscode from 'vscode';
import type { StepProgress, StepState } from '../../shared/lessonTypes';

type LessonProgress = Record<string, StepProgress>;
const KEY = 'handsOnCloud.progress.v1';
const ACTIVE_KEY = 'handsOnCloud.activeStep.v1';

export interface ActiveStep {
  lessonDir: string;
  stepId: string;
}

export class ProgressStore {
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the lesson id whose progress changed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly memento: vscode.Memento) {}

  private all(): Record<string, LessonProgress> {
    return this.memento.get<Record<string, LessonProgress>>(KEY) ?? {};
  }

  lesson(lessonId: string): LessonProgress {
    return this.all()[lessonId] ?? {};
  }

  state(lessonId: string, stepId: string): StepState {
    return this.lesson(lessonId)[stepId]?.state ?? 'notStarted';
  }

  get(lessonId: string, stepId: string): StepProgress | undefined {
    return this.lesson(lessonId)[stepId];
  }

  async set(lessonId: string, stepId: string, state: StepState, failures?: string[]): Promise<void> {
    const all = this.all();
    const lesson = { ...(all[lessonId] ?? {}) };
    lesson[stepId] = { state, updatedAt: new Date().toISOString(), ...(failures?.length ? { failures } : {}) };
    await this.memento.update(KEY, { ...all, [lessonId]: lesson });
    this.changed.fire(lessonId);
  }

  /** Marks a step started unless it already has a state. */
  async touch(lessonId: string, stepId: string): Promise<void> {
    if (this.state(lessonId, stepId) === 'notStarted') await this.set(lessonId, stepId, 'inProgress');
  }

  async resetStep(lessonId: string, stepId: string): Promise<void> {
    const all = this.all();
    const lesson = { ...(all[lessonId] ?? {}) };
    delete lesson[stepId];
    await this.memento.update(KEY, { ...all, [lessonId]: lesson });
    this.changed.fire(lessonId);
  }

  async resetLesson(lessonId: string): Promise<void> {
    const all = this.all();
    delete all[lessonId];
    await this.memento.update(KEY, all);
    this.changed.fire(lessonId);
  }

  stepsLeft(lessonId: string, stepIds: readonly string[]): number {
    const p = this.lesson(lessonId);
    return stepIds.filter((id) => p[id]?.state !== 'done').length;
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
