// What a command was invoked on, parsed once at the command's edge into typed values. VS Code
// hands commands a tree node (context menus, inline buttons, clicks), a command link's JSON
// (step markdown, `hoc:` links) or nothing (the Command Palette). Plain data, no `vscode`: the
// parsers are unit-tested, and each command body sees only the typed result.
import { machineOfExecution } from './webviews/graph/graphData';

/** The kinds of resources that have a view of their own. */
export type ViewedKind = 'queue' | 'function' | 'stateMachine';

/** A resource a view opens on: its Ref on the target (queue URL or name, function name or ARN, state machine ARN or name). */
export interface ResourceRef {
  kind: ViewedKind;
  ref: string;
  /** stateMachine: an execution to select first. */
  executionArn?: string;
  /** function: open the metrics view at its cost estimator. */
  focus?: 'cost';
}

/** A Resources tree entry as the tree hands it to commands (`{ type: 'entry', entry }`). */
export interface TreeEntryArg {
  type: 'entry';
  entry: { kind: string; label: string; ref: Record<string, string>; arn?: string; url?: string };
}

/** A Labs tree node as the tree hands it to commands. */
export interface LabNodeArg {
  kind: 'lesson' | 'step';
  entry: { dir: string; lesson: { id: string } };
  step?: { id: string };
}

/** A lesson and maybe a step, named by a Labs tree node or `{ lesson, step }` from a command link. */
export interface StepRef {
  /** Lesson id or folder. */
  lesson?: string;
  step?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

export function isTreeEntry(arg: unknown): arg is TreeEntryArg {
  return (
    isObject(arg) &&
    arg.type === 'entry' &&
    isObject(arg.entry) &&
    typeof arg.entry.kind === 'string' &&
    isObject(arg.entry.ref)
  );
}

export function isLabNode(arg: unknown): arg is LabNodeArg {
  return (
    isObject(arg) &&
    (arg.kind === 'lesson' || arg.kind === 'step') &&
    isObject(arg.entry) &&
    typeof arg.entry.dir === 'string'
  );
}

/** A Resources tree entry of one of `kinds`, else undefined. */
export function treeEntryArg(arg: unknown, kinds: readonly string[]): TreeEntryArg['entry'] | undefined {
  return isTreeEntry(arg) && kinds.includes(arg.entry.kind) ? arg.entry : undefined;
}

/** The resource a view command was invoked on; undefined when it names none (the palette: ask). */
export function resourceRefArg(arg: unknown, kind: ViewedKind): ResourceRef | undefined {
  if (typeof arg === 'string') return fromString(arg.trim(), kind);
  if (isTreeEntry(arg)) return fromTreeEntry(arg.entry, kind);
  if (!isObject(arg)) return undefined;
  // A command link's JSON argument (step markdown, lesson links).
  switch (kind) {
    case 'queue': {
      const ref = str(arg.queueUrl) ?? str(arg.queueName);
      return ref ? { kind, ref } : undefined;
    }
    case 'function': {
      const ref = str(arg.functionName);
      return ref ? { kind, ref, ...(arg.focus === 'cost' ? { focus: 'cost' as const } : {}) } : undefined;
    }
    case 'stateMachine': {
      const executionArn = str(arg.executionArn);
      const ref = str(arg.stateMachineArn) ?? (executionArn ? machineOfExecution(executionArn) : undefined);
      return ref ? { kind, ref, ...(executionArn ? { executionArn } : {}) } : undefined;
    }
  }
}

function fromString(s: string, kind: ViewedKind): ResourceRef | undefined {
  if (!s) return undefined;
  if (kind === 'stateMachine' && /:execution:/.test(s)) return { kind, ref: machineOfExecution(s), executionArn: s };
  return { kind, ref: s };
}

function fromTreeEntry(e: TreeEntryArg['entry'], kind: ViewedKind): ResourceRef | undefined {
  if (kind === 'queue' && e.kind === 'queue') return str(e.ref.queueUrl) ? { kind, ref: e.ref.queueUrl } : undefined;
  if (kind === 'function' && e.kind === 'function') return str(e.ref.name) ? { kind, ref: e.ref.name } : undefined;
  if (kind === 'stateMachine' && e.kind === 'stateMachine')
    return str(e.ref.arn) ? { kind, ref: e.ref.arn } : undefined;
  if (kind === 'stateMachine' && e.kind === 'execution' && str(e.ref.arn)) {
    return { kind, ref: str(e.ref.stateMachineArn) ?? machineOfExecution(e.ref.arn), executionArn: e.ref.arn };
  }
  return undefined;
}

/** The lesson and step a lesson command names; empty when it names none (the active step then). */
export function stepRefArg(arg: unknown): StepRef {
  if (isLabNode(arg)) return { lesson: arg.entry.dir, step: arg.kind === 'step' ? arg.step?.id : undefined };
  if (!isObject(arg)) return {};
  return { lesson: str(arg.lesson), step: str(arg.step) };
}

/** The `hoc:` link a "Follow Lesson Link" command carries, with its lesson and step. */
export function lessonLinkArg(arg: unknown): (StepRef & { href: string }) | undefined {
  if (!isObject(arg) || typeof arg.href !== 'string') return undefined;
  return { ...stepRefArg(arg), href: arg.href };
}

/** The handler file an invoke command names (`{ file }` from the CodeLens), if any. */
export function handlerFileArg(arg: unknown): string | undefined {
  return isObject(arg) ? str(arg.file) : undefined;
}
