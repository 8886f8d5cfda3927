// Host of the Step Functions graph view: one panel per state machine.
import * as vscode from 'vscode';
import { SFNClient } from '@aws-sdk/client-sfn';
import { graphParams, type GraphEvent, type GraphMethods, type GraphViewState } from '../../../shared/webviewProtocolGraph';
import { WebviewHost, type Handlers, type HostLog } from '../webviewHost';
import { webviewOptions } from '../shell';
import { resolveClientSettings, sdkConfig, targetLabel, type ClientSettings } from '../clientSettings';

import { WebviewTypes } from '../webviewIds';
import { revivePanel } from '../revivePanel';
import { resolveStateMachineArn } from './graphData';
import { graphHandlers } from './graphHandlers';

export class GraphPanel extends WebviewHost<GraphMethods, GraphEvent> {
  static readonly viewType = WebviewTypes.graph;
  protected readonly handlers: Handlers<GraphMethods>;
  private static readonly open = new Map<string, GraphPanel>();

  static async createOrShow(context: vscode.ExtensionContext, log: HostLog, ref: string, explicit?: ClientSettings, executionArn?: string): Promise<GraphPanel> {
    const target = await resolveClientSettings(explicit);
    const client = new SFNClient(sdkConfig(target));
    const arn = await resolveStateMachineArn(client, ref);
    const existing = GraphPanel.open.get(arn);
    if (existing) {
      existing.panel.reveal();
      if (executionArn) existing.postEvent({ type: 'select', executionArn });
      client.destroy();
      return existing;
    }
    const name = arn.split(':').pop() ?? arn;
    const panel = vscode.window.createWebviewPanel(GraphPanel.viewType, `State machine: ${name}`, vscode.ViewColumn.Active, webviewOptions(context.extensionUri));
    return new GraphPanel(context, log, panel, client, target, arn, executionArn);
  }

  static revive(context: vscode.ExtensionContext, log: HostLog, panel: vscode.WebviewPanel, state: GraphViewState | undefined): Promise<void> {
    return revivePanel(context, log, panel, {
      saved: state?.stateMachineArn,
      what: 'the graph of',
      create: (target, arn) => new GraphPanel(context, log, panel, new SFNClient(sdkConfig(target)), target, arn),
    });
  }

  private constructor(
    context: vscode.ExtensionContext,
    log: HostLog,
    panel: vscode.WebviewPanel,
    private readonly client: SFNClient,
    private readonly target: ClientSettings,
    private readonly arn: string,
    /** An execution to select first (e.g. the one a lesson step just started). */
    private readonly initialExecution?: string,
  ) {
    super(panel, graphParams, log);
    this.mount(context.extensionUri, { view: 'graph', icon: 'graph', workers: true }, GraphPanel.open, arn, [client]);
    this.handlers = graphHandlers(this.client, this.arn, targetLabel(this.target), this.initialExecution);
  }
}
