// Host of the Step Functions graph view: one panel per state machine.
import * as vscode from 'vscode';
import {
  graphParams,
  type GraphEvent,
  type GraphMethods,
  type GraphViewState,
} from '../../../shared/webviewProtocolGraph';
import { WebviewHost, type Handlers, type HostLog } from '../webviewHost';
import { webviewOptions } from '../shell';
import type { AwsClients } from '../../resources/awsClients';
import type { ResolvedTarget } from '../../targets/targetManager';
import { Panels } from '../../ids';
import { revivePanel } from '../revivePanel';
import { resolveStateMachineArn } from './graphData';
import { graphHandlers } from './graphHandlers';

export class GraphPanel extends WebviewHost<GraphMethods, GraphEvent> {
  static readonly viewType = Panels.graph;
  protected readonly handlers: Handlers<GraphMethods>;
  private static readonly open = new Map<string, GraphPanel>();

  /** Opens (or focuses) the graph of a state machine (ARN or name); the panel owns `clients`. */
  static async createOrShow(
    extensionUri: vscode.Uri,
    log: HostLog,
    clients: AwsClients,
    ref: string,
    column: vscode.ViewColumn,
    executionArn?: string,
  ): Promise<GraphPanel> {
    const arn = await resolveStateMachineArn(clients.sfn, ref).catch((e) => {
      clients.destroy();
      throw e;
    });
    const existing = GraphPanel.open.get(arn);
    if (existing) {
      existing.panel.reveal(column, true);
      if (executionArn) existing.postEvent({ type: 'select', executionArn });
      clients.destroy();
      return existing;
    }
    const name = arn.split(':').pop() ?? arn;
    const panel = vscode.window.createWebviewPanel(
      GraphPanel.viewType,
      `State machine: ${name}`,
      { viewColumn: column, preserveFocus: true },
      webviewOptions(extensionUri),
    );
    return new GraphPanel(extensionUri, log, panel, clients, arn, executionArn);
  }

  static revive(
    extensionUri: vscode.Uri,
    resolve: () => Promise<ResolvedTarget>,
    log: HostLog,
    panel: vscode.WebviewPanel,
    state: GraphViewState | undefined,
  ): Promise<void> {
    return revivePanel(extensionUri, resolve, log, panel, {
      saved: state?.stateMachineArn,
      what: 'the graph of',
      create: (clients, arn) => new GraphPanel(extensionUri, log, panel, clients, arn),
    });
  }

  private constructor(
    extensionUri: vscode.Uri,
    log: HostLog,
    panel: vscode.WebviewPanel,
    clients: AwsClients,
    arn: string,
    /** An execution to select first (e.g. the one a lesson step just started). */
    initialExecution?: string,
  ) {
    super(panel, graphParams, log);
    this.mount(extensionUri, { view: 'graph', icon: 'graph', workers: true }, GraphPanel.open, arn, [clients]);
    this.handlers = graphHandlers(clients.sfn, arn, clients.target.label, initialExecution);
  }
}
