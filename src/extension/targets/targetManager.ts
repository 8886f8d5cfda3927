// The current target (local cloud, LocalStack or AWS) and how to reach it: endpoint, region
// and credentials for every AWS SDK client the extension makes. The same code path serves all
// three targets; only these settings differ.
import * as vscode from 'vscode';
import { resolveTarget, type Target } from '../../cloud/target/target';
import { config, type TargetKind } from '../config';
import { ContextKeys } from '../ids';
import type { LocalCloudProcess } from '../localCloudProcess';

/** A target (src/cloud) plus the label the status bar and views show. */
export type ResolvedTarget = Target & { readonly label: string };

export class TargetManager implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TargetKind>();
  /** Fires when the target or how to reach it changes (settings, cloud restart). */
  readonly onDidChange = this.changed.event;
  private readonly resourcesChanged = new vscode.EventEmitter<void>();
  /** Fires after lesson work or an item action changed what exists on the target. */
  readonly onDidChangeResources = this.resourcesChanged.event;
  private readonly disposables: vscode.Disposable[] = [this.changed, this.resourcesChanged];

  constructor(readonly localCloud: LocalCloudProcess) {
    this.disposables.push(
      config.onDidChange(['target', 'localstack.endpoint', 'aws.profile', 'aws.region'], () => this.fireChange()),
      localCloud.onDidChangeState((s) => {
        if (this.kind === 'local' && (s === 'running' || s === 'stopped')) this.fireChange();
      }),
    );
    void vscode.commands.executeCommand('setContext', ContextKeys.target, this.kind);
  }

  get kind(): TargetKind {
    return config.target();
  }

  private fireChange(): void {
    void vscode.commands.executeCommand('setContext', ContextKeys.target, this.kind);
    this.changed.fire(this.kind);
  }

  notifyResourcesChanged(): void {
    this.resourcesChanged.fire();
  }

  async setTarget(kind: TargetKind, aws?: { profile: string; region: string }): Promise<void> {
    if (aws) {
      await config.set('aws.profile', aws.profile);
      await config.set('aws.region', aws.region);
    }
    await config.set('target', kind);
    this.fireChange();
  }

  /** How to reach the target now; starts the local cloud when it is the target and not running. */
  async resolve(): Promise<ResolvedTarget> {
    const kind = this.kind;
    const suffix = config.get('student.suffix') || undefined;
    const parameters = templateParameters();
    if (kind === 'local') {
      if (!this.localCloud.info && !config.get('localCloud.autoStart')) {
        throw new Error(
          vscode.l10n.t(
            'The local cloud is not running. Run "Hands-on Cloud: {0}" (or turn on handsOnCloud.localCloud.autoStart).',
            vscode.l10n.t('Start Local Cloud'),
          ),
        );
      }
      const info = await this.localCloud.ensureRunning();
      const t = resolveTarget({
        kind,
        endpoint: info.endpoint,
        region: info.region,
        credentials: { accessKeyId: info.accessKeyId, secretAccessKey: info.secretAccessKey },
        suffix,
        parameters,
      });
      return { ...t, label: `${vscode.l10n.t('local cloud')} · ${t.region}` };
    }
    const region = config.get('aws.region');
    if (kind === 'localstack') {
      const t = resolveTarget({ kind, endpoint: config.get('localstack.endpoint'), region, suffix, parameters });
      return { ...t, label: `LocalStack · ${t.region}` };
    }
    // fromIni (in resolveTarget) signs in with SSO, assumed roles and credential_process as the CLI does.
    const profile = config.get('aws.profile') || undefined;
    const t = resolveTarget({
      kind,
      profile,
      region,
      suffix,
      parameters,
      lambdaRole: config.get('aws.lambdaRole') || undefined,
    });
    return { ...t, label: `AWS${profile ? ` (${profile})` : ''} · ${t.region}` };
  }

  /** The label without starting anything (status bar, tree headers). */
  describe(): string {
    const kind = this.kind;
    if (kind === 'local') return 'local cloud';
    if (kind === 'localstack') return 'LocalStack';
    const profile = config.get('aws.profile');
    return `AWS${profile ? ` (${profile})` : ''} · ${config.get('aws.region')}`;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** The templateParameters setting as strings (a number typed into settings.json is still a value). */
function templateParameters(): Record<string, string> {
  const raw = config.get('templateParameters');
  if (!raw || typeof raw !== 'object') return {};
  return Object.fromEntries(
    Object.entries(raw)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]),
  );
}
