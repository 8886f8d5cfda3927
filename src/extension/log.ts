// The extension's one log: a LogOutputChannel ("Hands-on Cloud" in the Output view). No console.
import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

export function registerLog(context: vscode.ExtensionContext): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Hands-on Cloud', { log: true });
  context.subscriptions.push(channel);
  return channel;
}

/** The channel; created on first use so pure modules can log before activation wires it. */
export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Hands-on Cloud', { log: true });
  return channel;
}
