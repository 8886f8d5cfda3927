// The HTML every panel starts from: a strict CSP (nothing remote, no inline code, one script
// with a fresh nonce), the view's bundle and styles through asWebviewUri, and the codicon
// stylesheet under the id @vscode-elements expects.
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';

export interface ShellOptions {
  /** Bundle name: dist/webview/<view>.js (+ .css with codicons). */
  view: string;
  title: string;
  /** Extra stylesheets from media/webview/ (without .css). */
  styles: string[];
}

/** Only what the views load: their bundles and their stylesheets. */
export function webviewRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media', 'webview')];
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, localResourceRoots: webviewRoots(extensionUri), enableFindWidget: true };
}

export function renderShell(webview: vscode.Webview, extensionUri: vscode.Uri, options: ShellOptions): string {
  const nonce = randomBytes(16).toString('base64');
  const dist = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', file)).toString();
  const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'webview', file)).toString();
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const links = options.styles.map((s) => `<link rel="stylesheet" href="${escapeAttr(media(`${s}.css`))}">`).join('\n    ');
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${csp}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    <link rel="stylesheet" id="vscode-codicon-stylesheet" href="${escapeAttr(dist(`${options.view}.css`))}">
    ${links}
    <title>${escapeText(options.title)}</title>
  </head>
  <body>
    <main id="app" aria-busy="true"></main>
    <script nonce="${nonce}" src="${escapeAttr(dist(`${options.view}.js`))}"></script>
  </body>
</html>`;
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}
