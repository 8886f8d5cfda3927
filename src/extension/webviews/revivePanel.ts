// Panels VS Code restores after a reload: each is rebuilt from what its view saved (a queue
// URL, a state machine ARN, a function name) on the current client settings. One that cannot
// be rebuilt (nothing saved, no target selected yet) is closed, with a warning in the log.
import type * as vscode from 'vscode';
import { resolveClientSettings, type ClientSettings } from './clientSettings';
import { webviewOptions } from './shell';
import type { HostLog } from './webviewHost';

export interface RevivedPanel {
  /** What the view saved to name its subject; anything but a string closes the panel. */
  saved: unknown;
  /** Names the subject in the log's warning, e.g. "the graph of". */
  what: string;
  /** Builds the panel's host on `panel` for the saved subject. */
  create(settings: ClientSettings, saved: string): void;
}

export async function revivePanel(context: vscode.ExtensionContext, log: HostLog, panel: vscode.WebviewPanel, revived: RevivedPanel): Promise<void> {
  const { saved } = revived;
  if (typeof saved !== 'string') return panel.dispose();
  try {
    const settings = await resolveClientSettings();
    panel.webview.options = webviewOptions(context.extensionUri);
    revived.create(settings, saved);
  } catch (e) {
    log.warn(`could not restore ${revived.what} ${saved}: ${(e as Error).message}`);
    panel.dispose();
  }
}
