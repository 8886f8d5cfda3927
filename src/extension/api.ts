// What the extension exports from activate(): a read-only view of its state for other
// extensions and for the integration tests that run inside the extension host.
import type * as vscode from 'vscode';
import type { StepState } from '../shared/lessonTypes';
import type { Labs } from './labs/registerLabs';
import type { TargetManager } from './targets/targetManager';

export interface HandsOnCloudApi {
  lessons(): Promise<
    Array<{ id: string; title: string; dir: string; bundled: boolean; steps: Array<{ id: string; state: StepState }> }>
  >;
  target(): { kind: string; label: string };
  localCloud(): {
    state: string;
    endpoint?: string;
    region?: string;
    credentials?: { accessKeyId: string; secretAccessKey: string };
  };
  /** Variables integrated terminals get (from the environment variable collection). */
  terminalEnvironment(): Record<string, string>;
  /** Milliseconds activate() took. */
  activationMs: number;
}

export function makeApi(
  context: vscode.ExtensionContext,
  targets: TargetManager,
  /** The lessons feature, loaded right after activation (featureLoader.ts). */
  labs: Promise<Labs>,
  activationMs: number,
): HandsOnCloudApi {
  return {
    activationMs,
    async lessons() {
      const { catalog, progress } = await labs;
      return (await catalog.all()).map((l) => ({
        id: l.lesson.id,
        title: l.lesson.title,
        dir: l.dir,
        bundled: l.bundled,
        steps: l.lesson.steps.map((s) => ({ id: s.id, state: progress.state(l.lesson.id, s.id) })),
      }));
    },
    target: () => ({ kind: targets.kind, label: targets.describe() }),
    localCloud() {
      const info = targets.localCloud.info;
      return {
        state: targets.localCloud.state,
        endpoint: info?.endpoint,
        region: info?.region,
        credentials: info ? { accessKeyId: info.accessKeyId, secretAccessKey: info.secretAccessKey } : undefined,
      };
    },
    terminalEnvironment() {
      const out: Record<string, string> = {};
      context.environmentVariableCollection.forEach((name, m) => (out[name] = m.value));
      return out;
    },
  };
}
