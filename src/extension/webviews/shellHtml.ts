// The HTML of a view, without vscode: a strict CSP (nothing remote, no inline code, one script
// with a nonce), the view's bundle and styles, and the codicon stylesheet under the id
// @vscode-elements expects. shell.ts fills in the webview's URIs; tests serve the same page.
export interface ShellHtmlOptions {
  /** The webview's cspSource (vscode-webview://…), or the origin serving the files in tests. */
  cspSource: string;
  nonce: string;
  title: string;
  scriptUri: string;
  /** dist/webview/<view>.css: codicons and component styles bundled by esbuild. */
  codiconUri: string;
  styleUris: string[];
  /** Lets the view start Web Workers from blob: URLs it made itself (the graph's layout). */
  workers?: boolean;
  /** The display language (vscode.env.language) and the view's sentences in it (vscode.l10n.bundle). */
  language?: string;
  strings?: Record<string, string>;
}

export function shellHtml(o: ShellHtmlOptions): string {
  const csp = [
    "default-src 'none'",
    `img-src ${o.cspSource} data:`,
    `style-src ${o.cspSource}`,
    `font-src ${o.cspSource}`,
    `script-src 'nonce-${o.nonce}'`,
    ...(o.workers ? ['worker-src blob:'] : []),
  ].join('; ');
  const links = o.styleUris.map((u) => `<link rel="stylesheet" href="${escapeAttr(u)}">`).join('\n    ');
  return `<!DOCTYPE html>
<html lang="${escapeAttr(o.language ?? 'en')}">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${escapeAttr(csp)}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    <link rel="stylesheet" id="vscode-codicon-stylesheet" href="${escapeAttr(o.codiconUri)}">
    ${links}
    <title>${escapeText(o.title)}</title>
  </head>
  <body>
    <main id="app" aria-busy="true"></main>
    <script type="application/json" id="hoc-l10n">${jsonInHtml(o.strings ?? {})}</script>
    <script nonce="${escapeAttr(o.nonce)}" src="${escapeAttr(o.scriptUri)}"></script>
  </body>
</html>`;
}

/** JSON a <script type="application/json"> holds as data (never run): no '<' to end the element early. */
function jsonInHtml(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}
