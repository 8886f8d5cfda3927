// Panels VS Code restores after a reload: each is rebuilt from what its view saved (a queue
// URL, a state machine ARN, a function name) with clients for the current target. One that
// cannot be rebuilt (nothing saved, the target not reachable) is closed, with a warning in the log.
import type * as vscode from 'vscode';
import { makeClients, type AwsClients } from '../resources/awsClients';
import type { ResolvedTarget } from '../targets/targetManager';
import { webviewOptions } from './shell';
import type { HostLog } from './webviewHost';

export interface RevivedPanel {
  /** What the view saved to name its subject; anything but a string closes the panel. */
  saved: unknown;
  /** Names the subject in the log's warning, e.g. "the graph of". */
  what: string;
  /** Builds the panel's host on `panel` for the saved subject. */
  create(clients: AwsClients, saved: string): void;
}

export async function revivePanel(
  extensionUri: vscode.Uri,
  resolve: () => Promise<ResolvedTarget>,
  log: HostLog,
  panel: vscode.WebviewPanel,
  revived: RevivedPanel,
): Promise<void> {
  const { saved } = revived;
  if (typeof saved !== 'string') return panel.dispose();
  try {
    const clients = makeClients(await resolve());
    panel.webview.options = webviewOptions(extensionUri);
    revived.create(clients, saved);
  } catch (e) {
    log.warn(`could not restore ${revived.what} ${saved}: ${(e as Error).message}`);
    panel.dispose();
  }
}
