// Dependency order of a template's resources: what a step deploys (with everything it
// needs) and the order to create them in; teardown walks the same order backwards.
import { collectReferences } from './intrinsics';
import type { CfnResource } from './model';

export function dependenciesOf(resource: CfnResource, all: Record<string, CfnResource>): string[] {
  const deps = new Set<string>(resource.dependsOn);
  for (const [name] of collectReferences(resource.properties)) if (name in all) deps.add(name);
  deps.delete(resource.logicalId);
  return [...deps].filter((d) => d in all);
}

/** All resources in an order where each comes after what it depends on. Throws on a cycle. */
export function deploymentOrder(all: Record<string, CfnResource>, only?: ReadonlySet<string>): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, trail: string[]) => {
    const s = state.get(id);
    if (s === 'done') return;
    if (s === 'visiting')
      throw new Error(
        `resources depend on each other in a circle: ${[...trail.slice(trail.indexOf(id)), id].join(' → ')}`,
      );
    state.set(id, 'visiting');
    for (const d of dependenciesOf(all[id], all).sort()) visit(d, [...trail, id]);
    state.set(id, 'done');
    if (!only || only.has(id)) order.push(id);
  };
  for (const id of Object.keys(all).sort()) visit(id, []);
  return order;
}

/**
 * What deploying `ids` (authored logical IDs) takes: those resources, everything generated
 * from them (events, URLs, permissions) and, transitively, everything they depend on.
 */
export function deploymentClosure(ids: readonly string[], all: Record<string, CfnResource>): Set<string> {
  const set = new Set<string>();
  const queue = [...ids];
  while (queue.length) {
    const id = queue.pop()!;
    const adds = Object.values(all)
      .filter((r) => r.origin === id || r.logicalId === id)
      .map((r) => r.logicalId);
    for (const a of adds) {
      if (set.has(a)) continue;
      set.add(a);
      queue.push(a, ...dependenciesOf(all[a], all));
      if (all[a].origin !== a) queue.push(all[a].origin);
    }
  }
  return set;
}
