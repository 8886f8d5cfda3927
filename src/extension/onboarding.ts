// Onboarding: the walkthrough and the log command.
import * as vscode from 'vscode';
import { Commands, EXTENSION_ID, WALKTHROUGH_ID } from './ids';
import { log } from './log';

export function registerOnboarding(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.openWalkthrough, () =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${WALKTHROUGH_ID}`, false),
    ),
    vscode.commands.registerCommand(Commands.showLog, () => log().show(true)),
  );
}
