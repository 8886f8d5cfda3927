// Activation: wires each feature; nothing else lives here.
import * as vscode from 'vscode';
import { registerLocalCloudCommands } from './localCloudCommands';

export function activate(context: vscode.ExtensionContext): void {
  registerLocalCloudCommands(context);
}

export function deactivate(): void {
  // Owned disposables (including the local cloud process) are disposed by VS Code.
}
