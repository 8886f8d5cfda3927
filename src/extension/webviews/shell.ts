// A panel's HTML through asWebviewUri, with a fresh nonce per render (see shellHtml.ts), and the
// narrow resource roots every panel uses.
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { shellHtml } from './shellHtml';

export interface ShellOptions {
  /** Bundle name: dist/webview/<view>.js (+ .css with codicons). */
  view: string;
  title: string;
  /** Extra stylesheets from media/webview/ (without .css). */
  styles: string[];
  /** Web Workers from blob: URLs (see shellHtml). */
  workers?: boolean;
}

/** Only what the views load: their bundles and their stylesheets. */
export function webviewRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media', 'webview')];
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, localResourceRoots: webviewRoots(extensionUri), enableFindWidget: true };
}

export function renderShell(webview: vscode.Webview, extensionUri: vscode.Uri, options: ShellOptions): string {
  const dist = (file: string) =>
    webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', file)).toString();
  const media = (file: string) =>
    webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'webview', file)).toString();
  return shellHtml({
    cspSource: webview.cspSource,
    nonce: randomBytes(16).toString('base64'),
    title: options.title,
    scriptUri: dist(`${options.view}.js`),
    codiconUri: dist(`${options.view}.css`),
    styleUris: options.styles.map((s) => media(`${s}.css`)),
    workers: options.workers,
    // The views' own sentences translate through this table (src/webview/common/l10n.ts).
    language: vscode.env.language,
    strings: vscode.l10n.bundle,
  });
}

export type PanelIconName = 'queue' | 'metrics' | 'graph' | 'invoke' | 'lab';

/** The tab icon of a panel: media/webview/icons/<name>-light.svg and -dark.svg, or one media/icons/<name>.svg for both themes. */
export function panelIcon(
  extensionUri: vscode.Uri,
  name: PanelIconName,
): vscode.Uri | { light: vscode.Uri; dark: vscode.Uri } {
  if (name === 'invoke' || name === 'lab') return vscode.Uri.joinPath(extensionUri, 'media', 'icons', `${name}.svg`);
  const icon = (theme: string) =>
    vscode.Uri.joinPath(extensionUri, 'media', 'webview', 'icons', `${name}-${theme}.svg`);
  return { light: icon('light'), dark: icon('dark') };
}
