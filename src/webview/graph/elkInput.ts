// The ASL graph model (src/asl toGraph) → ELK's input: a compound graph in which each Parallel
// or Map state is a box holding one box per branch (or its item processor), each holding that
// level's states. Edges never cross levels (every level has its own start and end), so each box
// is laid out on its own, which keeps 200-state machines fast. Pure: sizes come from `measure`.
import type { ElkExtendedEdge, ElkLabel, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import type { GraphEdge, GraphGroup, GraphNode, StateMachineGraph } from '../../asl';

/** Width in pixels of a text in the view's font; 'detail' is the smaller subtitle font. */
export type Measure = (text: string, style: 'title' | 'detail' | 'edge') => number;

export const NODE_HEIGHT = 36;
export const NODE_HEIGHT_WITH_DETAIL = 50;
export const MARKER_SIZE = { width: 56, height: 24 };
export const GROUP_TITLE = 26;
const NODE_MIN_WIDTH = 96;
const NODE_MAX_WIDTH = 280;
const EDGE_LABEL_MAX = 28;

const LEVEL_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.spacing.nodeNodeBetweenLayers': '36',
  'elk.spacing.nodeNode': '24',
  'elk.spacing.edgeLabel': '4',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

const BOX_OPTIONS: LayoutOptions = {
  ...LEVEL_OPTIONS,
  'elk.padding': `[top=${GROUP_TITLE},left=12,bottom=12,right=12]`,
};

export const ROOT_OPTIONS: LayoutOptions = {
  ...LEVEL_OPTIONS,
  'elk.padding': '[top=16,left=16,bottom=16,right=16]',
  // Absolute coordinates everywhere: the renderer and keyboard navigation need no tree walk.
  'elk.json.shapeCoords': 'ROOT',
  'elk.json.edgeCoords': 'ROOT',
};

export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function nodeSize(node: GraphNode, measure: Measure): { width: number; height: number } {
  if (node.kind === 'Start' || node.kind === 'End') return { ...MARKER_SIZE };
  const text = Math.max(measure(node.label, 'title'), node.detail ? measure(node.detail, 'detail') : 0);
  const width = Math.min(NODE_MAX_WIDTH, Math.max(NODE_MIN_WIDTH, Math.ceil(text) + 36));
  return { width, height: node.detail ? NODE_HEIGHT_WITH_DETAIL : NODE_HEIGHT };
}

function edgeOf(edge: GraphEdge, measure: Measure): ElkExtendedEdge {
  const labels: ElkLabel[] = [];
  if (edge.label) {
    const text = truncate(edge.label, EDGE_LABEL_MAX);
    labels.push({ id: `${edge.id}#label`, text, width: Math.ceil(measure(text, 'edge')), height: 14 });
  }
  return { id: edge.id, sources: [edge.source], targets: [edge.target], labels };
}

/** A handler that catches for this many states or more is reached through stubs, not long edges. */
export const SHARED_HANDLER_THRESHOLD = 4;

/**
 * Catch edges into a handler shared by many states (a common `HandleError`). Laid out as real
 * edges they span most layers — each adds a dummy node per layer crossed, which made a
 * 200-state machine take seconds to lay out and drew a fan of crossing lines. They are drawn
 * instead as short labelled stubs at their source (click one to jump to the handler).
 */
export function stubbedEdges(graph: StateMachineGraph, threshold = SHARED_HANDLER_THRESHOLD): Set<string> {
  const byTarget = new Map<string, GraphEdge[]>();
  for (const e of graph.edges) if (e.kind === 'catch') byTarget.set(e.target, [...(byTarget.get(e.target) ?? []), e]);
  const out = new Set<string>();
  for (const edges of byTarget.values()) if (edges.length >= threshold) for (const e of edges) out.add(e.id);
  return out;
}

export interface ElkInputOptions {
  /** Ignore groups: every node at the top level (the benchmark's plain peer). */
  flat?: boolean;
  /** Lay out every edge, shared handlers included (the benchmark's other peer). */
  allEdges?: boolean;
}

/** ELK input for a graph: compound boxes for Parallel branches and Map processors. */
export function toElkGraph(graph: StateMachineGraph, measure: Measure, options: ElkInputOptions = {}): ElkNode {
  const stubs = options.allEdges ? new Set<string>() : stubbedEdges(graph);
  const root: ElkNode = { id: '#root', layoutOptions: ROOT_OPTIONS, children: [], edges: [] };
  const nodeElk = new Map<string, ElkNode>();
  const containerOfNode = new Map<string, ElkNode>();
  const groupsByOwner = new Map<string, GraphGroup[]>();
  if (!options.flat)
    for (const g of graph.groups) groupsByOwner.set(g.ownerId, [...(groupsByOwner.get(g.ownerId) ?? []), g]);
  const groupElk = new Map<string, ElkNode>();

  // Boxes first, so that nodes can be placed into their group's box whatever the order.
  for (const g of options.flat ? [] : graph.groups) {
    groupElk.set(g.id, { id: g.id, layoutOptions: BOX_OPTIONS, labels: [{ text: g.label }], children: [], edges: [] });
  }
  for (const node of graph.nodes) {
    const owned = groupsByOwner.get(node.id);
    const elk: ElkNode = owned?.length
      ? {
          id: node.id,
          layoutOptions: BOX_OPTIONS,
          labels: [{ text: node.label }],
          children: owned.map((g) => groupElk.get(g.id)!),
          edges: [],
        }
      : { id: node.id, labels: [{ text: node.label }], ...nodeSize(node, measure) };
    nodeElk.set(node.id, elk);
    const container = (!options.flat && node.groupId && groupElk.get(node.groupId)) || root;
    container.children!.push(elk);
    containerOfNode.set(node.id, container);
  }
  for (const edge of graph.edges) {
    const container = containerOfNode.get(edge.source);
    // An edge to a node the graph does not have (invalid definition) is left out, not fatal.
    if (!container || !nodeElk.has(edge.target) || stubs.has(edge.id)) continue;
    container.edges!.push(edgeOf(edge, measure));
  }
  return root;
}

/** A plain measure for tests and benchmarks: about 7 px per character. */
export const approximateMeasure: Measure = (text, style) => text.length * (style === 'title' ? 7.2 : 6.2);
