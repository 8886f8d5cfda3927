// Which view a `hoc:reveal` link opens and on which of the lesson's resources — plain data, no
// `vscode`, so it is unit-tested. `view=graph|metrics|cost` picks the step's own state machine
// or function; failing that the lesson's most recently used, most recently deployed, nearest
// earlier step's, then the template's first. `resource=ID` opens that resource's own view.
import type { LessonStep, LessonView } from '../../shared/lessonTypes';
import type { ResourceRef, ViewedKind } from '../commandArgs';

export type { ViewedKind } from '../commandArgs';

/** The view each kind opens in. */
export const VIEW_OF_KIND: Record<ViewedKind, 'queue' | 'metrics' | 'graph'> = {
  queue: 'queue',
  function: 'metrics',
  stateMachine: 'graph',
};

const KIND_OF_TYPE: Record<string, ViewedKind> = {
  'AWS::SQS::Queue': 'queue',
  'AWS::Lambda::Function': 'function',
  'AWS::Serverless::Function': 'function',
  'AWS::StepFunctions::StateMachine': 'stateMachine',
  'AWS::Serverless::StateMachine': 'stateMachine',
};

export function kindOfType(type: string | undefined): ViewedKind | undefined {
  return type ? KIND_OF_TYPE[type] : undefined;
}

export interface RevealContext {
  steps: readonly LessonStep[];
  stepId: string;
  /** Type of a logical ID in the lesson's template (authored or generated); undefined if absent. */
  typeOf(logicalId: string): string | undefined;
  /** Logical IDs in template order (the last resort). */
  templateIds: readonly string[];
  /** Logical IDs the student's actions used in this lesson, most recent first. */
  recent?: readonly string[];
  /** What is deployed on the current target, with when. */
  deployed?: ReadonlyArray<{ logicalId: string; deployedAt: string }>;
}

export type RevealPlan =
  /** A view without a subject (Labs, Resources, the log). */
  | { kind: 'view'; view: 'lesson' | 'resources' | 'logs' }
  /** A resource's own view; `focus: 'cost'` asks the metrics view for its cost estimator. */
  | {
      kind: 'resource';
      view: 'queue' | 'metrics' | 'graph';
      logicalId: string;
      resourceKind: ViewedKind;
      focus?: 'cost';
    }
  /** A resource without a view of its own (bucket, API…): show it in the Resources tree. */
  | { kind: 'tree'; logicalId: string }
  /** Nothing in the lesson fits; the sentence says what the link wanted. */
  | { kind: 'none'; view: LessonView; reason: string };

/** Logical IDs of `kind` a step names, in the order a student meets them: actions, checks, deploys. */
export function stepResources(step: LessonStep, kind: ViewedKind, typeOf: RevealContext['typeOf']): string[] {
  const named: string[] = [];
  for (const a of step.actions) {
    if (kind === 'function' && (a.type === 'invoke' || a.type === 'sizingSweep')) named.push(a.function);
    if (kind === 'stateMachine' && a.type === 'startExecution') named.push(a.stateMachine);
    if (kind === 'queue' && a.type === 'sendMessage') named.push(a.queue);
    if (a.type === 'deploy') named.push(...(a.resources ?? []).filter((id) => kindOfType(typeOf(id)) === kind));
  }
  for (const c of step.checks) {
    if (kind === 'function' && c.type === 'invocations') named.push(c.function);
    if (kind === 'stateMachine' && c.type === 'execution') named.push(c.stateMachine);
    if (kind === 'queue' && c.type === 'queueDepth') named.push(c.queue);
  }
  named.push(...step.deploys.filter((id) => kindOfType(typeOf(id)) === kind));
  return [...new Set(named)].filter((id) => kindOfType(typeOf(id)) === kind);
}

/** The step's (or failing that the lesson's) most relevant resource of a kind. */
export function pickResource(
  ctx: RevealContext,
  kind: ViewedKind,
  prefer?: (step: LessonStep) => string | undefined,
): string | undefined {
  const isKind = (id: string) => kindOfType(ctx.typeOf(id)) === kind;
  const index = ctx.steps.findIndex((s) => s.id === ctx.stepId);
  const step = ctx.steps[index];
  if (step) {
    const preferred = prefer?.(step);
    if (preferred && isKind(preferred)) return preferred;
    const own = stepResources(step, kind, ctx.typeOf)[0];
    if (own) return own;
  }
  const recent = ctx.recent?.find(isKind);
  if (recent) return recent;
  const deployed = [...(ctx.deployed ?? [])]
    .filter((d) => isKind(d.logicalId))
    .sort((a, b) => b.deployedAt.localeCompare(a.deployedAt))[0];
  if (deployed) return deployed.logicalId;
  for (let i = index - 1; i >= 0; i--) {
    const earlier = stepResources(ctx.steps[i], kind, ctx.typeOf)[0];
    if (earlier) return earlier;
  }
  return ctx.templateIds.find(isKind);
}

const sweptFunction = (step: LessonStep) => step.actions.find((a) => a.type === 'sizingSweep')?.function;

export function planReveal(link: { view?: LessonView; resource?: string }, ctx: RevealContext): RevealPlan {
  if (link.resource) {
    const kind = kindOfType(ctx.typeOf(link.resource));
    return kind
      ? { kind: 'resource', view: VIEW_OF_KIND[kind], logicalId: link.resource, resourceKind: kind }
      : { kind: 'tree', logicalId: link.resource };
  }
  const view = link.view ?? 'resources';
  switch (view) {
    case 'lesson':
    case 'resources':
    case 'logs':
      return { kind: 'view', view };
    case 'graph': {
      const id = pickResource(ctx, 'stateMachine');
      return id
        ? { kind: 'resource', view: 'graph', logicalId: id, resourceKind: 'stateMachine' }
        : { kind: 'none', view, reason: 'This lesson has no state machine to show.' };
    }
    case 'metrics':
    case 'cost': {
      // The cost estimate is best fed by a sizing sweep's function when the step has one.
      const id = pickResource(ctx, 'function', view === 'cost' ? sweptFunction : undefined);
      if (!id) return { kind: 'none', view, reason: 'This lesson has no function to measure.' };
      return {
        kind: 'resource',
        view: 'metrics',
        logicalId: id,
        resourceKind: 'function',
        ...(view === 'cost' ? { focus: 'cost' as const } : {}),
      };
    }
  }
}

/** Whether planning needs the deployed state (lesson-wide picks fall back on it). */
export function plannedNeedsState(link: { view?: LessonView; resource?: string }): boolean {
  return !link.resource && (link.view === 'graph' || link.view === 'metrics' || link.view === 'cost');
}

/**
 * The resource a resource plan opens its view on: `ref` is what Ref gives on the target (queue
 * URL, function name, state machine ARN) or the physical name; an execution the step's action
 * started is selected first; `focus` names the metrics view's cost estimator.
 */
export function revealTarget(
  plan: Extract<RevealPlan, { kind: 'resource' }>,
  ref: string,
  executionArn?: string,
): ResourceRef {
  switch (plan.view) {
    case 'queue':
      return { kind: 'queue', ref };
    case 'metrics':
      return { kind: 'function', ref, ...(plan.focus ? { focus: plan.focus } : {}) };
    case 'graph':
      return { kind: 'stateMachine', ref, ...(executionArn ? { executionArn } : {}) };
  }
}
