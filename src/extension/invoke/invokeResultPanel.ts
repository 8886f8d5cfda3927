// Host of the invoke result view: one panel showing the latest invocation — payload, logs and
// the REPORT metrics (cold start highlighted) — with "Invoke again".
import * as vscode from 'vscode';
import { invokeResultParams, type InvokeResultEvent, type InvokeResultMethods, type InvokeResultView } from '../../shared/protocolInvokeResult';
import { WebviewHost, type Handlers } from '../webviews/webviewHost';
import { renderShell, webviewOptions } from '../webviews/shell';
import { Panels } from '../ids';
import { log } from '../log';

export interface InvokeAgain {
  again(): Promise<void>;
  eventFile?: string;
}

export class InvokeResultPanel extends WebviewHost<InvokeResultMethods, InvokeResultEvent> {
  static current: InvokeResultPanel | undefined;
  private source: InvokeAgain | undefined;
  private last: InvokeResultView | undefined;

  static show(extensionUri: vscode.Uri): InvokeResultPanel {
    if (InvokeResultPanel.current) {
      InvokeResultPanel.current.panel.reveal(undefined, true);
      return InvokeResultPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(Panels.invokeResult, 'Invoke result', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(extensionUri));
    return new InvokeResultPanel(panel, extensionUri);
  }

  private constructor(panel: vscode.WebviewPanel, extensionUri: vscode.Uri) {
    super(panel, invokeResultParams, log());
    InvokeResultPanel.current = this;
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icons', 'invoke.svg');
    panel.webview.html = renderShell(panel.webview, extensionUri, { view: 'invokeResult', title: 'Invoke result', styles: ['common', 'invokeResult'] });
    this.disposables.push({ dispose: () => InvokeResultPanel.current === this && (InvokeResultPanel.current = undefined) });
  }

  running(functionName: string, eventName: string): void {
    this.postEvent({ type: 'running', functionName, eventName });
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
      if (!this.source) throw new Error('Invoke from the editor (CodeLens) or the Resources view first.');
      await this.source.again();
    },
    openEvent: async () => {
      if (!this.source?.eventFile) throw new Error('This invocation used an event that is not saved in a file.');
      await vscode.window.showTextDocument(vscode.Uri.file(this.source.eventFile));
    },
  };
}
