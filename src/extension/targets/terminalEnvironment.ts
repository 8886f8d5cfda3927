// Integrated terminals get the target's AWS_ENDPOINT_URL, region and credentials (the same
// environment lesson scripts get), so students' own scripts, the SDKs and the AWS CLI reach
// the same cloud as the editor.
import * as vscode from 'vscode';
import { targetEnvironment } from '../../cloud/target/target';
import type { TargetManager } from './targetManager';
import { log } from '../log';

export function registerTerminalEnvironment(context: vscode.ExtensionContext, targets: TargetManager): void {
  const env = context.environmentVariableCollection;
  // The local cloud's port may change between windows: never restore stale values.
  env.persistent = false;
  env.description = 'AWS endpoint, region and credentials of the Hands-on Cloud target';
  let generation = 0;
  const update = async () => {
    const mine = ++generation;
    // Never start the local cloud for a terminal: its variables arrive once it runs.
    const vars =
      targets.kind === 'local' && !targets.localCloud.info
        ? {}
        : await targets.resolve().then(targetEnvironment, (e: Error) => {
            log().warn(`terminal environment: ${e.message}`);
            return {};
          });
    if (mine !== generation) return;
    env.clear();
    for (const [k, v] of Object.entries(vars)) env.replace(k, v);
    log().debug(`terminal environment for ${targets.kind}: ${Object.keys(vars).join(', ') || 'none yet'}`);
  };
  void update();
  context.subscriptions.push(
    targets.onDidChange(() => void update()),
    targets.localCloud.onDidChangeState(() => void update()),
  );
}
