// Host of the SQS messages view: one panel per queue. Fetches with the AWS SDK on the node
// side; the view only renders and asks.
import * as vscode from 'vscode';
import { sqsParams, type SqsEvent, type SqsMethods, type SqsViewState } from '../../../shared/webviewProtocolSqs';
import { WebviewHost, type Handlers, type HostLog } from '../webviewHost';
import { webviewOptions } from '../shell';
import { makeClients, type AwsClients } from '../../resources/awsClients';
import type { ResolvedTarget } from '../../targets/targetManager';
import { Panels } from '../../ids';
import { revivePanel } from '../revivePanel';
import { queueNameFromUrl, resolveQueueUrl } from './sqsQueueData';
import { sqsHandlers } from './sqsHandlers';

export class SqsPanel extends WebviewHost<SqsMethods, SqsEvent> {
  static readonly viewType = Panels.sqs;
  protected readonly handlers: Handlers<SqsMethods>;
  private static readonly open = new Map<string, SqsPanel>();

  /** Opens (or focuses) the view of one queue, given its URL, ARN or name; the panel owns `clients`. */
  static async createOrShow(
    extensionUri: vscode.Uri,
    log: HostLog,
    clients: AwsClients,
    queueRef: string,
    column: vscode.ViewColumn,
  ): Promise<SqsPanel> {
    const url = await resolveQueueUrl(clients.sqs, queueRef).catch((e) => {
      clients.destroy();
      throw e;
    });
    const existing = SqsPanel.open.get(url);
    if (existing) {
      existing.panel.reveal(column);
      clients.destroy();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      SqsPanel.viewType,
      `Queue: ${queueNameFromUrl(url)}`,
      column,
      webviewOptions(extensionUri),
    );
    return new SqsPanel(extensionUri, log, panel, clients, url);
  }

  /** Brings back a panel VS Code restored after a reload; its queue comes from the view's state. */
  static revive(
    extensionUri: vscode.Uri,
    resolve: () => Promise<ResolvedTarget>,
    log: HostLog,
    panel: vscode.WebviewPanel,
    state: SqsViewState | undefined,
  ): Promise<void> {
    return revivePanel(extensionUri, resolve, log, panel, {
      saved: state?.queueUrl,
      what: 'the view of',
      create: (clients, queueUrl) => new SqsPanel(extensionUri, log, panel, clients, queueUrl),
    });
  }

  private constructor(
    private readonly extensionUri: vscode.Uri,
    log: HostLog,
    panel: vscode.WebviewPanel,
    private readonly clients: AwsClients,
    private readonly url: string,
  ) {
    super(panel, sqsParams, log);
    this.mount(extensionUri, { view: 'sqs', icon: 'queue' }, SqsPanel.open, url, [clients]);
    this.handlers = sqsHandlers({
      client: clients.sqs,
      target: clients.target,
      url: this.url,
      confirmPurge: async (name) =>
        (await vscode.window.showWarningMessage(
          vscode.l10n.t('Purge {0}? Every message in the queue is deleted.', name),
          { modal: true },
          vscode.l10n.t('Purge'),
        )) === vscode.l10n.t('Purge'),
      // The DLQ link: the same target, its own clients (each panel owns its clients).
      openQueue: async (url) =>
        void (await SqsPanel.createOrShow(
          this.extensionUri,
          this.log,
          makeClients(clients.target),
          url,
          vscode.ViewColumn.Active,
        )),
    });
  }

  protected override onReady(): void {
    this.postEvent({ type: 'target', label: this.clients.target.label, queueUrl: this.url });
  }
}
