// What a lesson deployed on one target: physical ids, attributes and outputs, kept in
// `<lesson folder>/.hoc/state-<target>.json`. The deployer still checks the target itself —
// the file speeds lookups and survives restarts; losing it loses nothing (names are fixed).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TargetKind } from '../target/target';

export interface DeployedResource {
  logicalId: string;
  type: string;
  /** What Ref returns. */
  ref: string;
  /** What GetAtt reads (plus Url / InvokeUrl / FunctionUrl reachable on this target). */
  attributes: Record<string, string>;
  /** Hash of the resolved properties (and code) last deployed. */
  hash?: string;
  deployedAt: string;
}

export interface DeploymentState {
  version: 1;
  lessonId: string;
  target: TargetKind;
  region: string;
  endpoint?: string;
  suffix?: string;
  resources: Record<string, DeployedResource>;
  outputs: Record<string, string>;
  /** IAM roles the deployer created (deleted on teardown). */
  createdRoles: string[];
}

export function statePath(lessonDir: string, target: TargetKind): string {
  return join(lessonDir, '.hoc', `state-${target}.json`);
}

export function emptyState(
  lessonId: string,
  target: TargetKind,
  region: string,
  endpoint?: string,
  suffix?: string,
): DeploymentState {
  return { version: 1, lessonId, target, region, endpoint, suffix, resources: {}, outputs: {}, createdRoles: [] };
}

/** The saved state when it belongs to the same lesson, target, endpoint and suffix; else empty. */
export function loadState(path: string, fresh: DeploymentState): DeploymentState {
  try {
    const s = JSON.parse(readFileSync(path, 'utf8')) as DeploymentState;
    if (
      s.version === 1 &&
      s.lessonId === fresh.lessonId &&
      s.region === fresh.region &&
      s.endpoint === fresh.endpoint &&
      s.suffix === fresh.suffix
    ) {
      return { ...fresh, ...s, createdRoles: s.createdRoles ?? [] };
    }
  } catch {
    // no state yet, or unreadable: start afresh (the target is the truth)
  }
  return fresh;
}

export function saveState(path: string, state: DeploymentState): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, JSON.stringify(state, null, 2) + '\n');
  renameSync(tmp, path);
}
