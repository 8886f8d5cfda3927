// Messages between the step guide view and its host (envelope: webviewProtocol.ts).
import { check, type ParamCheckers } from './webviewProtocol';
import type { StepState } from './lessonTypes';

export interface GuideAction {
  id: string;
  label: string;
  /** Codicon name. */
  icon: string;
  /** Deploys, invokes, sends, uploads, starts, requests or runs: shown as a button, not a link (older hosts omit it). */
  changesCloud?: boolean;
}

export interface GuideCheck {
  id: string;
  sentence: string;
  /** Set after "Check my progress". */
  passed?: boolean;
  reason?: string;
}

/** Everything the view renders for one step; HTML is src/shared/stepMarkdown.ts output (raw HTML escaped but for <details>/<summary>). */
export interface GuideStep {
  lessonId: string;
  /** Where the lesson lives; saved in the view state so a reload restores the guide. */
  lessonDir: string;
  lessonTitle: string;
  stepId: string;
  index: number;
  count: number;
  title: string;
  /** Learning objectives and estimated minutes (optional in lesson.yaml and from older hosts). */
  objectives?: string[];
  minutes?: number;
  html: string;
  actions: GuideAction[];
  checks: GuideCheck[];
  hintHtml?: string;
  solutionFiles: string[];
  state: StepState;
  /** Target label, e.g. "local cloud · us-east-1". */
  target: string;
}

export type StepGuideMethods = {
  link: { params: { href: string }; result: void };
  action: { params: { id: string }; result: { summary: string } };
  deploy: { params: Record<string, never>; result: { summary: string } };
  check: { params: Record<string, never>; result: GuideCheck[] };
  navigate: { params: { to: 'previous' | 'next' }; result: void };
  solution: { params: { file?: string }; result: void };
};

export type StepGuideEvent =
  { type: 'step'; step: GuideStep } | { type: 'busy'; what?: string } | { type: 'checks'; checks: GuideCheck[] };

export const stepGuideParams: ParamCheckers<StepGuideMethods> = {
  link: check.object<{ href: string }>({ href: check.string }),
  action: check.object<{ id: string }>({ id: check.string }),
  deploy: check.object<Record<string, never>>({}),
  check: check.object<Record<string, never>>({}),
  navigate: check.object<{ to: 'previous' | 'next' }>({ to: check.literal('previous', 'next') }),
  solution: check.object<{ file?: string }>({ file: check.optional(check.string) }),
};

/** What VS Code keeps across reloads (the view's setState) so the serializer can restore it. */
export interface StepGuideState {
  lessonDir: string;
  stepId: string;
  hintOpen?: boolean;
  /** What each action (by its id) and command link (`link:<href>`) of this step last said. */
  results?: Record<string, GuideResult>;
}

/** One result beside the control that ran it. */
export interface GuideResult {
  text: string;
  error?: boolean;
}
