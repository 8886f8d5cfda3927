// The graph view's pure parts: ASL graph → ELK input, ELK's real layout → scene, keyboard
// navigation between states, and execution history → per-state status and timing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDefinition, toGraph, type StateMachineGraph } from '../../src/asl';
import { approximateMeasure, toElkGraph, nodeSize, type Measure } from '../../src/webview/graph/elkInput';
import ELK from 'elkjs/lib/elk.bundled.js';
import { layoutGraph as layoutWith } from '../../src/webview/graph/layout';
import { nearestInDirection, selectables, type Rect } from '../../src/webview/graph/scene';
import { syntheticMachine } from './syntheticMachine';

const elk = new ELK();
/** The layout the view runs in its worker, here in-process (elkjs' bundled build). */
const layoutGraph = (graph: StateMachineGraph, measure: Measure) => layoutWith(elk, graph, measure);

const pipeline = readFileSync(
  new URL('../../labs/05-serverless/solutions/statemachines/image-pipeline.asl.json', import.meta.url),
  'utf8',
);

const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;
const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('a Parallel state becomes a box holding one box per branch, each holding its states and edges', () => {
  const graph = toGraph(pipeline);
  const elk = toElkGraph(graph, approximateMeasure);
  const par = elk.children!.find((c) => c.id === 'ProcessImage')!;
  assert.ok(par, 'ProcessImage is a top-level box');
  const branchIds = graph.groups.filter((g) => g.ownerId === 'ProcessImage').map((g) => g.id);
  assert.deepEqual(
    par.children!.map((c) => c.id),
    branchIds,
  );
  assert.equal(branchIds.length, 2);
  for (const branch of par.children!) {
    const states = graph.nodes.filter((n) => n.groupId === branch.id).map((n) => n.id);
    assert.deepEqual(branch.children!.map((c) => c.id).sort(), states.sort());
    // Every edge sits in the box of both its ends.
    for (const e of branch.edges ?? []) {
      assert.ok(states.includes(e.sources[0]) && states.includes(e.targets[0]), `${e.id} stays inside ${branch.id}`);
    }
  }
  // Top-level edges reach the Parallel box itself, not its inner states.
  assert.ok(elk.edges!.some((e) => e.targets[0] === 'ProcessImage'));
  assert.ok(elk.edges!.every((e) => elk.children!.some((c) => c.id === e.sources[0])));
});

test('node sizes follow the measured label and keep within bounds', () => {
  const [small] = toGraph({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }).nodes.filter(
    (n) => n.id === 'A',
  );
  const long = { ...small, label: 'x'.repeat(200) };
  assert.equal(nodeSize(small, approximateMeasure).width, 96);
  assert.equal(nodeSize(long, approximateMeasure).width, 280);
  assert.ok(
    nodeSize({ ...small, detail: 'lambda:invoke' }, approximateMeasure).height >
      nodeSize(small, approximateMeasure).height,
  );
});

test('ELK lays out the lesson machine: branches inside their Parallel, no overlapping states', async () => {
  const graph = toGraph(pipeline);
  const scene = await layoutGraph(graph, approximateMeasure);
  const byId = new Map(scene.nodes.map((n) => [n.node.id, n]));
  const boxes = new Map(scene.boxes.map((b) => [b.id, b]));
  for (const g of graph.groups) {
    const box = boxes.get(g.id)!;
    assert.ok(inside(box, boxes.get(g.ownerId)!), `${g.id} inside ${g.ownerId}`);
    for (const n of graph.nodes.filter((x) => x.groupId === g.id))
      assert.ok(inside(byId.get(n.id)!, box), `${n.id} inside ${g.id}`);
  }
  const top = scene.nodes.filter((n) => !n.node.groupId);
  for (let i = 0; i < top.length; i++)
    for (let j = i + 1; j < top.length; j++)
      assert.ok(!overlap(top[i], top[j]), `${top[i].node.id} and ${top[j].node.id} overlap`);
  assert.ok(
    scene.edges.every((e) => e.points.length >= 2),
    'every edge is routed',
  );
  assert.ok(scene.width > 0 && scene.height > 0);
});

test('a 200-state machine with nested groups lays out with every state placed', async () => {
  const { definition, stateCount } = syntheticMachine(200);
  assert.ok(stateCount >= 200);
  const model = parseDefinition(definition);
  assert.equal(model.byId.size, stateCount);
  const graph = toGraph(model);
  const scene = await layoutGraph(graph, approximateMeasure);
  const placed = new Set([
    ...scene.nodes.map((n) => n.node.id),
    ...scene.boxes.filter((b) => b.node).map((b) => b.node!.id),
  ]);
  for (const id of model.byId.keys()) assert.ok(placed.has(id), `${id} placed`);
  assert.equal(selectables(scene).length, stateCount);
});

test('flat layout (the benchmark peer) puts every node at the top level', () => {
  const graph = toGraph(syntheticMachine(40).definition);
  const flat = toElkGraph(graph, approximateMeasure, { flat: true });
  assert.equal(flat.children!.length, graph.nodes.length);
  assert.ok(flat.children!.every((c) => !c.children));
});

test('arrow keys move to the nearest state in that direction', () => {
  const r = (x: number, y: number) => ({ rect: { x, y, width: 10, height: 10 }, id: `${x},${y}` });
  const items = [r(0, 100), r(100, 0), r(0, 200), r(-100, 0), r(60, 100)];
  const from = { x: 0, y: 0, width: 10, height: 10 };
  assert.equal(nearestInDirection(from, items, 'down')?.id, '0,100');
  assert.equal(nearestInDirection(from, items, 'right')?.id, '100,0');
  assert.equal(nearestInDirection(from, items, 'left')?.id, '-100,0');
  assert.equal(nearestInDirection(from, items, 'up'), undefined);
});

test('catches into a handler shared by many states become stubs, not laid-out edges', async () => {
  const graph = toGraph(syntheticMachine(60).definition);
  const catches = graph.edges.filter((e) => e.kind === 'catch');
  assert.ok(catches.length >= 4, 'the synthetic machine shares one handler');
  const elk = toElkGraph(graph, approximateMeasure);
  const laidOut = new Set((elk.edges ?? []).map((e) => e.id));
  for (const c of catches) assert.ok(!laidOut.has(c.id), `${c.id} is a stub`);
  assert.ok(toElkGraph(graph, approximateMeasure, { allEdges: true }).edges!.some((e) => e.id === catches[0].id));
  const scene = await layoutGraph(graph, approximateMeasure);
  assert.equal(scene.stubs.length, catches.length);
  const handler = scene.stubs[0].edge.target;
  assert.ok(scene.stubs.every((s) => s.edge.target === handler && s.targetLabel.startsWith('HandleError')));
  // A single catch (a handler of its own) stays a real edge.
  const lone = toGraph({
    StartAt: 'A',
    States: {
      A: { Type: 'Task', Resource: 'x', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'H' }], End: true },
      H: { Type: 'Pass', End: true },
    },
  });
  assert.ok(toElkGraph(lone, approximateMeasure).edges!.some((e) => e.sources[0] === 'A' && e.targets[0] === 'H'));
});

test('a Map state is a box holding its item processor, nested inside a Parallel branch', async () => {
  const graph = toGraph({
    StartAt: 'Fan',
    States: {
      Fan: {
        Type: 'Parallel',
        End: true,
        Branches: [
          {
            StartAt: 'Each',
            States: {
              Each: {
                Type: 'Map',
                End: true,
                ItemProcessor: { StartAt: 'Resize', States: { Resize: { Type: 'Pass', End: true } } },
              },
            },
          },
          { StartAt: 'Other', States: { Other: { Type: 'Pass', End: true } } },
        ],
      },
    },
  });
  const elkGraph = toElkGraph(graph, approximateMeasure);
  const fan = elkGraph.children!.find((c) => c.id === 'Fan')!;
  const branch = fan.children!.find((b) => b.children!.some((c) => c.id.endsWith('Each')))!;
  const each = branch.children!.find((c) => c.id.endsWith('Each'))!;
  assert.equal(each.children!.length, 1, 'the Map holds one box: its item processor');
  const items = each.children![0];
  assert.equal(graph.groups.find((g) => g.id === items.id)?.kind, 'items');
  assert.ok(items.children!.some((c) => c.id.endsWith('Resize')));
  const scene = await layoutGraph(graph, approximateMeasure);
  const box = (id: string) => scene.boxes.find((b) => b.id === id)!;
  assert.ok(
    inside(box(items.id), box(each.id)) && inside(box(each.id), box(branch.id)) && inside(box(branch.id), box('Fan')),
  );
  assert.deepEqual(scene.boxes.map((b) => b.depth).sort(), [0, 1, 1, 2, 3]);
});
