// ELK's result → what the renderer draws, in absolute coordinates: boxes (Parallel/Map states
// and their branches) back to front, state nodes, and edges as polylines with their labels.
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { GraphEdge, GraphNode, StateMachineGraph } from '../../asl';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SceneNode extends Rect {
  node: GraphNode;
}

/** A compound box: a Parallel/Map state (`owner`) or one of its branches (`group`). */
export interface SceneBox extends Rect {
  id: string;
  label: string;
  role: 'owner' | 'group';
  depth: number;
  /** For owner boxes: the state node it stands for (selectable like any state). */
  node?: GraphNode;
}

export interface SceneEdge {
  id: string;
  edge: GraphEdge;
  points: Array<{ x: number; y: number }>;
  label?: Rect & { text: string };
}

/** A catch into a shared handler, drawn as a short labelled stub under its source. */
export interface SceneStub {
  edge: GraphEdge;
  targetLabel: string;
  x: number;
  y: number;
}

export interface Scene {
  width: number;
  height: number;
  boxes: SceneBox[];
  nodes: SceneNode[];
  edges: SceneEdge[];
  stubs: SceneStub[];
}

export function sceneFromLayout(
  graph: StateMachineGraph,
  laidOut: ElkNode,
  stubbed: ReadonlySet<string> = new Set(),
): Scene {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const groups = new Map(graph.groups.map((g) => [g.id, g]));
  const edges = new Map(graph.edges.map((e) => [e.id, e]));
  const scene: Scene = {
    width: laidOut.width ?? 0,
    height: laidOut.height ?? 0,
    boxes: [],
    nodes: [],
    edges: [],
    stubs: [],
  };

  const visit = (elk: ElkNode, depth: number) => {
    for (const e of elk.edges ?? []) {
      const edge = edges.get(e.id);
      if (!edge) continue;
      const points = (e.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]);
      const l = e.labels?.[0];
      scene.edges.push({
        id: e.id,
        edge,
        points,
        label: l
          ? { x: l.x ?? 0, y: l.y ?? 0, width: l.width ?? 0, height: l.height ?? 0, text: l.text ?? '' }
          : undefined,
      });
    }
    for (const child of elk.children ?? []) {
      const rect = { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? 0, height: child.height ?? 0 };
      const node = nodes.get(child.id);
      const group = groups.get(child.id);
      if (child.children?.length || group) {
        scene.boxes.push({
          id: child.id,
          label: node?.label ?? group?.label ?? '',
          role: node ? 'owner' : 'group',
          depth,
          node,
          ...rect,
        });
        visit(child, depth + 1);
      } else if (node) {
        scene.nodes.push({ node, ...rect });
      }
    }
  };
  visit(laidOut, 0);
  const rects = new Map<string, Rect>([
    ...scene.nodes.map((n) => [n.node.id, n] as const),
    ...scene.boxes.filter((b) => b.node).map((b) => [b.node!.id, b] as const),
  ]);
  for (const id of stubbed) {
    const edge = edges.get(id);
    const from = edge && rects.get(edge.source);
    if (!edge || !from) continue;
    scene.stubs.push({
      edge,
      targetLabel: nodes.get(edge.target)?.label ?? edge.target,
      x: from.x + from.width,
      y: from.y + from.height,
    });
  }
  return scene;
}

/** Everything a student can select: states, and Parallel/Map boxes. */
export function selectables(scene: Scene): Array<{ id: string; rect: Rect; node: GraphNode }> {
  const out = scene.nodes
    .filter((n) => n.node.kind !== 'Start' && n.node.kind !== 'End')
    .map((n) => ({ id: n.node.id, rect: n as Rect, node: n.node }));
  for (const b of scene.boxes) if (b.node) out.push({ id: b.node.id, rect: b, node: b.node });
  return out;
}

/**
 * The selectable nearest to `from` in a direction (arrow-key navigation): candidates must lie
 * in that half-plane; distance along the axis counts, sideways drift counts double.
 */
export function nearestInDirection<T extends { rect: Rect }>(
  from: Rect,
  items: readonly T[],
  dir: 'up' | 'down' | 'left' | 'right',
): T | undefined {
  const cx = from.x + from.width / 2;
  const cy = from.y + from.height / 2;
  let best: T | undefined;
  let bestScore = Infinity;
  for (const item of items) {
    const x = item.rect.x + item.rect.width / 2 - cx;
    const y = item.rect.y + item.rect.height / 2 - cy;
    const along = dir === 'down' ? y : dir === 'up' ? -y : dir === 'right' ? x : -x;
    const side = dir === 'down' || dir === 'up' ? Math.abs(x) : Math.abs(y);
    if (along <= 1) continue;
    const score = along + 2 * side;
    if (score < bestScore) {
      bestScore = score;
      best = item;
    }
  }
  return best;
}
