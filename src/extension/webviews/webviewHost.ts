// Base of every panel host: owns the panel and its disposables, waits for the view's `ready`,
// validates each request on arrival, answers it by id, and queues events until the view listens.
import * as vscode from 'vscode';
import {
  parseViewMessage,
  ProtocolError,
  type HostToView,
  type MethodTable,
  type ParamCheckers,
} from '../../shared/webviewProtocol';

import type { Handlers } from './handlers';
import { panelIcon, renderShell, type PanelIconName } from './shell';

export type { Handlers } from './handlers';

export interface HostLog {
  warn(message: string): void;
  error(message: string): void;
}

/** How a panel looks: its bundle and stylesheet (dist/webview/<view>.js, media/webview/<view>.css) and tab icon. */
export interface PanelLook {
  view: 'sqs' | 'graph' | 'metrics' | 'invokeResult' | 'stepGuide';
  icon: PanelIconName;
  /** The view starts Web Workers (see shellHtml). */
  workers?: boolean;
}

export abstract class WebviewHost<M extends MethodTable, E extends { type: string }> implements vscode.Disposable {
  protected readonly disposables: vscode.Disposable[] = [];
  private viewReady = false;
  private pending: Array<HostToView<E>> = [];
  private disposed = false;

  protected constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly paramCheckers: ParamCheckers<M>,
    protected readonly log: HostLog,
  ) {
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.onMessage(raw)),
      panel.onDidDispose(() => this.dispose()),
      // Hidden views are destroyed (no retainContextWhenHidden); wait for the next `ready`.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.viewReady = false;
      }),
    );
  }

  protected abstract readonly handlers: Handlers<M>;

  /**
   * Shows the view in the panel and keeps this host in `open` under `key` (one panel per
   * subject) until the panel closes, when `clients` are destroyed with it.
   */
  protected mount(
    extensionUri: vscode.Uri,
    look: PanelLook,
    open: Map<string, WebviewHost<M, E>>,
    key: string,
    clients: Array<{ destroy(): void }> = [],
  ): void {
    open.set(key, this);
    this.panel.iconPath = panelIcon(extensionUri, look.icon);
    this.panel.webview.html = renderShell(this.panel.webview, extensionUri, {
      view: look.view,
      title: this.panel.title,
      styles: ['common', look.view],
      workers: look.workers,
    });
    this.disposables.push({
      dispose: () => {
        open.delete(key);
        for (const c of clients) c.destroy();
      },
    });
  }

  /** Called on every `ready` (a view that was hidden and shown again starts over). */
  protected onReady(): void {}

  protected postEvent(event: E): void {
    this.post({ kind: 'event', event });
  }

  private post(message: HostToView<E>): void {
    if (this.disposed) return;
    if (!this.viewReady) {
      this.pending.push(message);
      return;
    }
    void this.panel.webview.postMessage(message);
  }

  private async onMessage(raw: unknown): Promise<void> {
    let message;
    try {
      message = parseViewMessage(raw, this.paramCheckers);
    } catch (e) {
      this.log.warn(`${this.panel.viewType}: ignored a malformed message (${(e as Error).message})`);
      return;
    }
    if (message.kind === 'ready') {
      this.viewReady = true;
      const queued = this.pending;
      this.pending = [];
      for (const m of queued) void this.panel.webview.postMessage(m);
      this.onReady();
      return;
    }
    const { id, method, params } = message as unknown as { id: number; method: keyof M & string; params: never };
    try {
      const result = await this.handlers[method](params);
      this.post({ kind: 'response', id, ok: true, result });
    } catch (e) {
      const text = describeError(e);
      if (!(e instanceof ProtocolError)) this.log.warn(`${this.panel.viewType} ${method}: ${text}`);
      this.post({ kind: 'response', id, ok: false, error: text });
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** AWS SDK errors carry a name (the AWS error code) and a message; both help a student. */
export function describeError(e: unknown): string {
  if (e instanceof Error) {
    const code = e.name && e.name !== 'Error' ? `${e.name}: ` : '';
    const net =
      (e as { code?: string }).code === 'ECONNREFUSED'
        ? ' — is the target running? Start the local cloud or check the endpoint.'
        : '';
    return `${code}${e.message}${net}`;
  }
  return String(e);
}
