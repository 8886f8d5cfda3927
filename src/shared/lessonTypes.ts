// The lesson model shared by the engine (src/lab), the `hoc` CLI and the editor UI.
// A lesson.yaml parses into `Lesson`; actions and checks are discriminated unions on `type`.

export interface Lesson {
  id: string;
  title: string;
  summary: string;
  version: string;
  /** Template file relative to the lesson folder (default template.yaml). */
  template: string;
  steps: LessonStep[];
  /** The translation shown (e.g. "it"), set by localizeLesson; absent for English. */
  language?: string;
}

export interface LessonStep {
  id: string;
  title: string;
  /** Markdown file relative to the lesson folder. */
  instructions: string;
  /**
   * The markdown to show instead, in the reader's language (set by localizeLesson); its
   * relative links resolve from the folder of `instructions`, as the English file's do.
   */
  localizedInstructions?: string;
  /** Learning objectives shown above the instructions (what the student can do afterwards). */
  objectives?: string[];
  /** Estimated minutes the step takes a student. */
  minutes?: number;
  /** Logical IDs from template.yaml this step deploys (with their dependencies). */
  deploys: string[];
  actions: LessonAction[];
  checks: LessonCheck[];
  hint?: string;
  /** Student file → the file holding its solution (both relative to the lesson folder). */
  solution?: Record<string, string>;
}

interface Base {
  /** Unique within the step; command links name it (`hoc:action?id=…`). */
  id: string;
  /** What a student reads on the button or beside the check; never a bare id. */
  title: string;
}

export type LessonAction =
  | (Base & { type: 'deploy'; resources?: string[] })
  | (Base & { type: 'invoke'; function: string; event?: string; payload?: unknown })
  | (Base & { type: 'sendMessage'; queue: string; body?: string; file?: string; count?: number; groupId?: string })
  | (Base & { type: 'upload'; bucket: string; file: string; key?: string; prefix?: string })
  | (Base & {
      type: 'startExecution';
      stateMachine: string;
      input?: unknown;
      inputFile?: string;
      wait?: boolean;
      timeoutSeconds?: number;
    })
  | (Base & { type: 'http'; url: string; method?: string; headers?: Record<string, string>; body?: string })
  | (Base & { type: 'runScript'; script: string; args?: string[] })
  | (Base & { type: 'sizingSweep'; function: string; event: string; memorySizes: number[]; repeat?: number })
  | (Base & { type: 'open'; file: string; line?: number; match?: string })
  | (Base & { type: 'reveal'; view?: LessonView; resource?: string });

export type LessonActionType = LessonAction['type'];

/** Actions that change what is deployed or stored (the guide shows them as buttons); the others open a file or a view. */
const CLOUD_CHANGING: ReadonlySet<string> = new Set<LessonActionType>([
  'deploy',
  'invoke',
  'sendMessage',
  'upload',
  'startExecution',
  'http',
  'runScript',
  'sizingSweep',
]);
export function actionChangesCloud(type: string): boolean {
  return CLOUD_CHANGING.has(type);
}

export type LessonCheck =
  | (Base & { type: 'resourceExists'; resource: string })
  | (Base & { type: 'queueDepth'; queue: string; atLeast?: number; atMost?: number })
  | (Base & { type: 'objectExists'; bucket: string; prefix?: string; atLeast?: number })
  | (Base & { type: 'invocations'; function: string; atLeast?: number; coldStart?: boolean })
  | (Base & {
      type: 'execution';
      stateMachine: string;
      status?: ExecutionStatus;
      states?: Record<string, StateOutcome>;
    })
  | (Base & {
      type: 'http';
      url: string;
      method?: string;
      headers?: Record<string, string>;
      body?: string;
      status?: number;
      header?: Record<string, string>;
      bodyContains?: string;
      bodyMatches?: string;
      settle?: boolean;
    })
  | (Base & { type: 'fileContains'; file: string; contains?: string; matches?: string })
  | (Base & { type: 'script'; script: string; args?: string[]; settle?: boolean });

export type LessonCheckType = LessonCheck['type'];
export type ExecutionStatus = 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'RUNNING';
export type StateOutcome = 'succeeded' | 'failed' | 'entered' | 'notEntered';

/** Views the editor can reveal (`hoc:reveal?view=…`). */
export const LESSON_VIEWS = ['lesson', 'resources', 'logs', 'graph', 'metrics', 'cost'] as const;
export type LessonView = (typeof LESSON_VIEWS)[number];

/** A problem in a lesson's files, shown as `file:line: message`. */
export interface LessonDiagnostic {
  /** Path relative to the lesson folder (e.g. template.yaml, steps/01.md). */
  file: string;
  /** 1-based; 0 when the problem concerns the whole file. */
  line: number;
  message: string;
}

export function formatDiagnostic(d: LessonDiagnostic): string {
  return d.line > 0 ? `${d.file}:${d.line}: ${d.message}` : `${d.file}: ${d.message}`;
}

/** `dir/file:line: message`: the folder goes before the file only (path.join would also rewrite '../' inside the message). */
export function formatDiagnosticIn(dir: string, d: LessonDiagnostic): string {
  return `${dir.replace(/[\\/]+$/, '')}/${formatDiagnostic(d)}`;
}
/** Where a student is in a step. */
export type StepState = 'notStarted' | 'inProgress' | 'done' | 'checkFailed';

export interface StepProgress {
  state: StepState;
  /** ISO time of the last change. */
  updatedAt: string;
  /** Reasons from the last failed checks. */
  failures?: string[];
}
