// The webviews' sentences in the editor's display language. A webview cannot call vscode.l10n,
// so the host writes the loaded bundle (vscode.l10n.bundle: English message → translation) into
// the page as data (<script type="application/json" id="hoc-l10n">, see shellHtml.ts), and `t`
// looks the English message up, as vscode.l10n.t does. Messages are the keys of
// l10n/bundle.l10n.<lang>.json; test/extension/l10nCoverage.test.ts finds every call of t.

const strings: Readonly<Record<string, string>> = readStrings();

function readStrings(): Record<string, string> {
  try {
    const text = typeof document === 'undefined' ? '' : document.getElementById('hoc-l10n')?.textContent;
    const value: unknown = text ? JSON.parse(text) : {};
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, string>) : {};
  } catch {
    return {}; // English, rather than no view at all
  }
}

/** `message` translated, with {0}, {1}… replaced by `args`. */
export function t(message: string, ...args: Array<string | number>): string {
  const translated = strings[message];
  const text = typeof translated === 'string' ? translated : message;
  return args.length
    ? text.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m))
    : text;
}
