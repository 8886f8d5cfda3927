// An ASL definition as nodes, edges and groups, ready for a layout engine (ELK's compound
// graphs): each Parallel branch and Map processor is a group owned by its state's node, and
// each graph level has its own start and end markers.
import { modelOf, type AslModel, type StateGraph, type TransitionKind } from './model';
import type { StateKind } from './types';

export type GraphNodeKind = StateKind | 'Start' | 'End';

export interface GraphNode {
  id: string;
  label: string;
  kind: GraphNodeKind;
  /** The group that contains this node; undefined at the top level. */
  groupId?: string;
  /** For states: the Task resource; shown as a subtitle. */
  detail?: string;
  retries?: boolean;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  kind: TransitionKind | 'start' | 'end';
  label?: string;
}

export interface GraphGroup {
  id: string;
  label: string;
  kind: 'branch' | 'items';
  /** The Parallel or Map node that owns this group. */
  ownerId: string;
  /** The group the owner sits in; undefined at the top level. */
  parentGroupId?: string;
}

export interface StateMachineGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  groups: GraphGroup[];
}

export const START_SUFFIX = '#start';
export const END_SUFFIX = '#end';

export function toGraph(definition: string | unknown | AslModel): StateMachineGraph {
  const model = modelOf(definition);
  const out: StateMachineGraph = { nodes: [], edges: [], groups: [] };
  addGraph(model.root, undefined, out);
  return out;
}

function addGraph(graph: StateGraph, groupId: string | undefined, out: StateMachineGraph): void {
  const startId = `${graph.id}${START_SUFFIX}`;
  const endId = `${graph.id}${END_SUFFIX}`;
  out.nodes.push({ id: startId, label: 'Start', kind: 'Start', groupId });
  out.nodes.push({ id: endId, label: 'End', kind: 'End', groupId });
  if (graph.startId)
    out.edges.push({ id: `${startId}->${graph.startId}`, source: startId, target: graph.startId, kind: 'start' });
  for (const state of graph.states) {
    out.nodes.push({
      id: state.id,
      label: state.name,
      kind: state.kind,
      groupId,
      detail: shortResource(state.resource),
      retries: state.retries || undefined,
    });
    state.transitions.forEach((t, i) => {
      if (!t.targetId) return;
      out.edges.push({
        id: `${state.id}->${t.targetId}#${t.kind}${i}`,
        source: state.id,
        target: t.targetId,
        kind: t.kind,
        label: t.label,
      });
    });
    if (state.terminal) out.edges.push({ id: `${state.id}->${endId}`, source: state.id, target: endId, kind: 'end' });
    state.children.forEach((child, i) => {
      const kind = state.kind === 'Map' ? 'items' : 'branch';
      out.groups.push({
        id: child.id,
        label: kind === 'items' ? 'Item processor' : `Branch ${i + 1}`,
        kind,
        ownerId: state.id,
        parentGroupId: groupId,
      });
      addGraph(child, child.id, out);
    });
  }
}

/** `arn:aws:states:::lambda:invoke` → `lambda:invoke`; a function ARN → its name. */
export function shortResource(resource: string | undefined): string | undefined {
  if (!resource) return undefined;
  const service = /^arn:[^:]+:states:[^:]*:[^:]*:(.+)$/.exec(resource);
  if (service) return service[1];
  const fn = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)/.exec(resource);
  if (fn) return `λ ${fn[1]}`;
  return resource;
}
