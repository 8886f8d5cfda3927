// Start and stop the local cloud from the command palette (it also starts on first use).
import * as vscode from 'vscode';
import { Commands } from './ids';
import type { LocalCloudProcess } from './localCloudProcess';
import { guarded } from './notify';

export async function startLocalCloud(cloud: LocalCloudProcess): Promise<void> {
  if (cloud.info)
    return void vscode.window.showInformationMessage(
      vscode.l10n.t('The local cloud is already running at {0}.', cloud.info.endpoint),
    );
  const info = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Starting the local cloud…') },
    () => cloud.ensureRunning(),
  );
  vscode.window.setStatusBarMessage(`Local cloud running at ${info.endpoint}`, 5000);
}

export async function stopLocalCloud(cloud: LocalCloudProcess): Promise<void> {
  if (!cloud.info) return void vscode.window.showInformationMessage(vscode.l10n.t('The local cloud is not running.'));
  await cloud.stop();
  vscode.window.setStatusBarMessage('Local cloud stopped. Its state is kept for next time.', 5000);
}

export function registerLocalCloudCommands(
  context: vscode.ExtensionContext,
  cloud: LocalCloudProcess,
  chooseTarget: () => Promise<void>,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(
      Commands.startLocalCloud,
      guarded(vscode.l10n.t('start the local cloud'), () => startLocalCloud(cloud), chooseTarget),
    ),
    vscode.commands.registerCommand(
      Commands.stopLocalCloud,
      guarded(vscode.l10n.t('stop the local cloud'), () => stopLocalCloud(cloud), chooseTarget),
    ),
  );
}
