// Amazon States Language → graph model. Pure TypeScript: used by the extension, the webview
// and the local cloud alike.
export * from './types';
export { parseDefinition, joinId, escapeSegment, describeRule, AslParseError } from './model';
export type { AslModel, StateGraph, StateNode, Transition, TransitionKind } from './model';
export { toGraph, shortResource, START_SUFFIX, END_SUFFIX } from './graph';
export type { StateMachineGraph, GraphNode, GraphEdge, GraphGroup, GraphNodeKind } from './graph';
export { overlayHistory, stateNameOf, stateKindOf } from './history';
export type { HistoryEventLike, HistoryOverlay, StateRun, StateRunStatus, ExecutionOutcome } from './history';
