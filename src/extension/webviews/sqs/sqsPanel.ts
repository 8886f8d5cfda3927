// Host of the SQS messages view: one panel per queue. Fetches with the AWS SDK on the node
// side; the view only renders and asks.
import * as vscode from 'vscode';
import { SQSClient } from '@aws-sdk/client-sqs';
import { sqsParams, type SqsEvent, type SqsMethods, type SqsViewState } from '../../../shared/webviewProtocolSqs';
import { WebviewHost, type Handlers, type HostLog } from '../webviewHost';
import { webviewOptions } from '../shell';
import { resolveClientSettings, sdkConfig, targetLabel, type ClientSettings } from '../clientSettings';

import { queueNameFromUrl, resolveQueueUrl } from './sqsQueueData';
import { sqsHandlers } from './sqsHandlers';
import { WebviewTypes } from '../webviewIds';
import { revivePanel } from '../revivePanel';

export class SqsPanel extends WebviewHost<SqsMethods, SqsEvent> {
  static readonly viewType = WebviewTypes.sqs;
  protected readonly handlers: Handlers<SqsMethods>;
  private static readonly open = new Map<string, SqsPanel>();

  private readonly client: SQSClient;

  /** Opens (or focuses) the view of one queue, given its URL, ARN or name. */
  static async createOrShow(context: vscode.ExtensionContext, log: HostLog, queueRef: string, explicit?: ClientSettings): Promise<SqsPanel> {
    const target = await resolveClientSettings(explicit);
    const client = new SQSClient(sdkConfig(target));
    const url = await resolveQueueUrl(client, queueRef);
    const existing = SqsPanel.open.get(url);
    if (existing) {
      existing.panel.reveal();
      client.destroy();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(SqsPanel.viewType, `Queue: ${queueNameFromUrl(url)}`, vscode.ViewColumn.Active, webviewOptions(context.extensionUri));
    return new SqsPanel(context, log, panel, client, target, url);
  }

  /** Brings back a panel VS Code restored after a reload; its queue comes from the view's state. */
  static revive(context: vscode.ExtensionContext, log: HostLog, panel: vscode.WebviewPanel, state: SqsViewState | undefined): Promise<void> {
    return revivePanel(context, log, panel, {
      saved: state?.queueUrl,
      what: 'the view of',
      create: (target, queueUrl) => new SqsPanel(context, log, panel, new SQSClient(sdkConfig(target)), target, queueUrl),
    });
  }

  private constructor(
    private readonly context: vscode.ExtensionContext,
    log: HostLog,
    panel: vscode.WebviewPanel,
    client: SQSClient,
    private readonly target: ClientSettings,
    private readonly url: string,
  ) {
    super(panel, sqsParams, log);
    this.client = client;
    this.mount(context.extensionUri, { view: 'sqs', icon: 'queue' }, SqsPanel.open, url, [client]);
    this.handlers = sqsHandlers({
      client: this.client,
      settings: this.target,
      url: this.url,
      confirmPurge: async (name) => (await vscode.window.showWarningMessage(`Purge ${name}? Every message in the queue is deleted.`, { modal: true }, 'Purge')) === 'Purge',
      openQueue: async (url) => void (await SqsPanel.createOrShow(this.context, this.log, url, this.target)),
    });
  }

  protected override onReady(): void {
    this.postEvent({ type: 'target', label: targetLabel(this.target), queueUrl: this.url });
  }
}
