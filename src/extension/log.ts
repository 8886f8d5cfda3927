// The extension's one log: a LogOutputChannel ("Hands-on Cloud" in the Output view). No console.
import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

export function registerLog(context: vscode.ExtensionContext): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Hands-on Cloud', { log: true });
  context.subscriptions.push(channel);
  return channel;
}

/**
 * Writes to a channel activation already made: dist/extension-features.js is a bundle of its
 * own, with its own copy of this module, and must not open a second "Hands-on Cloud" channel.
 */
export function useLog(existing: vscode.LogOutputChannel): void {
  channel = existing;
}

/** The channel; created on first use so pure modules can log before activation wires it. */
export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Hands-on Cloud', { log: true });
  return channel;
}
