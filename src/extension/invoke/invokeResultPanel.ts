// Host of the invoke result view: one panel showing the latest invocation — payload, logs and
// the REPORT metrics (cold start highlighted) — with "Invoke again". Restored after a reload
// from the result the view saved (without "Invoke again" until the next invocation).
import * as vscode from 'vscode';
import {
  invokeResultParams,
  isInvokeResultView,
  type InvokeResultEvent,
  type InvokeResultMethods,
  type InvokeResultView,
  type InvokeResultViewState,
} from '../../shared/webviewProtocolInvokeResult';
import { WebviewHost, type Handlers, type HostLog } from '../webviews/webviewHost';
import { webviewOptions } from '../webviews/shell';
import { Panels } from '../ids';
import { log } from '../log';
import type { InvocationDisplay } from './invokeResultView';

interface InvokeAgain {
  again(): Promise<unknown>;
  eventFile?: string;
}

/** One panel for every invocation: keyed by this. */
const ONLY = 'latest';

export class InvokeResultPanel extends WebviewHost<InvokeResultMethods, InvokeResultEvent> {
  static readonly viewType = Panels.invokeResult;
  private static readonly open = new Map<string, InvokeResultPanel>();
  private source: InvokeAgain | undefined;

  static createOrShow(extensionUri: vscode.Uri, log: HostLog): InvokeResultPanel {
    const existing = InvokeResultPanel.open.get(ONLY);
    if (existing) {
      existing.panel.reveal(undefined, true);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      InvokeResultPanel.viewType,
      'Invoke result',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      webviewOptions(extensionUri),
    );
    return new InvokeResultPanel(extensionUri, log, panel);
  }

  /** VS Code restored the panel after a reload: show the result the view saved. */
  static revive(
    extensionUri: vscode.Uri,
    log: HostLog,
    panel: vscode.WebviewPanel,
    state: InvokeResultViewState | undefined,
  ): void {
    if (!isInvokeResultView(state?.result) || InvokeResultPanel.open.has(ONLY)) return panel.dispose();
    panel.webview.options = webviewOptions(extensionUri);
    new InvokeResultPanel(extensionUri, log, panel, state.result);
  }

  private constructor(
    extensionUri: vscode.Uri,
    log: HostLog,
    panel: vscode.WebviewPanel,
    private last?: InvokeResultView,
  ) {
    super(panel, invokeResultParams, log);
    this.mount(extensionUri, { view: 'invokeResult', icon: 'invoke' }, InvokeResultPanel.open, ONLY);
  }

  running(functionName: string, eventName: string): void {
    this.postEvent({ type: 'running', functionName, eventName });
  }

  failed(functionName: string, message: string): void {
    this.postEvent({ type: 'failed', functionName, message });
  }

  showResult(result: InvokeResultView, source?: InvokeAgain): void {
    this.last = result;
    this.source = source;
    this.panel.title = `Invoke: ${result.functionName}`;
    this.postEvent({ type: 'result', result });
  }

  protected override onReady(): void {
    if (this.last) this.postEvent({ type: 'result', result: this.last });
  }

  protected readonly handlers: Handlers<InvokeResultMethods> = {
    invokeAgain: async () => {
      if (!this.source)
        throw new Error(
          vscode.l10n.t('Invoke from the editor (CodeLens), the step guide or the Resources view first.'),
        );
      await this.source.again();
    },
    openEvent: async () => {
      if (!this.source?.eventFile)
        throw new Error(vscode.l10n.t('This invocation used an event that is not saved in a file.'));
      await vscode.window.showTextDocument(vscode.Uri.file(this.source.eventFile));
    },
  };
}

/** Invocations shown in the one result panel (opened on first use). */
export function invocationDisplay(extensionUri: vscode.Uri): InvocationDisplay {
  const hostLog: HostLog = { warn: (m) => log().warn(m), error: (m) => log().error(m) };
  return {
    running: (functionName, eventName) =>
      InvokeResultPanel.createOrShow(extensionUri, hostLog).running(functionName, eventName),
    failed: (functionName, message) =>
      InvokeResultPanel.createOrShow(extensionUri, hostLog).failed(functionName, message),
    show: (view, again, eventFile) =>
      InvokeResultPanel.createOrShow(extensionUri, hostLog).showResult(view, { again, eventFile }),
  };
}

export function registerInvokeResultSerializer(context: vscode.ExtensionContext): void {
  const hostLog: HostLog = { warn: (m) => log().warn(m), error: (m) => log().error(m) };
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(Panels.invokeResult, {
      deserializeWebviewPanel: async (panel, state: InvokeResultViewState | undefined) =>
        InvokeResultPanel.revive(context.extensionUri, hostLog, panel, state),
    }),
  );
}
