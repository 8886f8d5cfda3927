// Targets feature: the local cloud process, the target manager, status bar, picker, terminals.
import * as vscode from 'vscode';
import { Commands, ContextKeys } from '../ids';
import { LocalCloudProcess } from '../localCloudProcess';
import { registerLocalCloudCommands } from '../localCloudCommands';
import { guarded } from '../notify';
import { TargetManager } from './targetManager';
import { registerTargetStatusBar } from './targetStatusBar';
import { pickTarget } from './targetPicker';
import { registerTerminalEnvironment } from './terminalEnvironment';

export function registerTargets(context: vscode.ExtensionContext): TargetManager {
  const cloud = new LocalCloudProcess(context);
  const targets = new TargetManager(cloud);
  const chooseTarget = () => pickTarget(targets);
  context.subscriptions.push(
    cloud,
    targets,
    cloud.onDidChangeState((s) => void vscode.commands.executeCommand('setContext', ContextKeys.localCloudState, s)),
    vscode.commands.registerCommand(
      Commands.selectTarget,
      guarded(vscode.l10n.t('switch target'), chooseTarget, chooseTarget),
    ),
  );
  void vscode.commands.executeCommand('setContext', ContextKeys.localCloudState, cloud.state);
  registerLocalCloudCommands(context, cloud, chooseTarget);
  return targets;
}

/**
 * The status bar item and the terminals' environment: activation schedules them for right after
 * it returns (a terminal's environment alone cost activation a few milliseconds of messages to
 * the window).
 */
export function registerTargetIndicators(context: vscode.ExtensionContext, targets: TargetManager): void {
  registerTargetStatusBar(context, targets);
  registerTerminalEnvironment(context, targets);
}
