// Host of the invocation metrics view: one panel per function.
import * as vscode from 'vscode';
import {
  metricsParams,
  type MetricsEvent,
  type MetricsMethods,
  type MetricsViewState,
} from '../../../shared/webviewProtocolMetrics';
import { WebviewHost, type Handlers, type HostLog } from '../webviewHost';
import { webviewOptions } from '../shell';
import type { AwsClients } from '../../resources/awsClients';
import type { ResolvedTarget } from '../../targets/targetManager';
import { Panels } from '../../ids';
import { revivePanel } from '../revivePanel';
import { metricsHandlers } from './metricsHandlers';
import { functionNameOf } from './functionName';

export class MetricsPanel extends WebviewHost<MetricsMethods, MetricsEvent> {
  static readonly viewType = Panels.metrics;
  protected readonly handlers: Handlers<MetricsMethods>;
  private static readonly open = new Map<string, MetricsPanel>();

  /** Opens (or focuses) the metrics of a function (name or ARN); the panel owns `clients`. */
  static createOrShow(
    extensionUri: vscode.Uri,
    log: HostLog,
    clients: AwsClients,
    ref: string,
    column: vscode.ViewColumn,
  ): MetricsPanel {
    const name = functionNameOf(ref);
    const existing = MetricsPanel.open.get(name);
    if (existing) {
      existing.panel.reveal(column, true);
      clients.destroy();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      MetricsPanel.viewType,
      `Metrics: ${name}`,
      { viewColumn: column, preserveFocus: true },
      webviewOptions(extensionUri),
    );
    return new MetricsPanel(extensionUri, log, panel, clients, name);
  }

  static revive(
    extensionUri: vscode.Uri,
    resolve: () => Promise<ResolvedTarget>,
    log: HostLog,
    panel: vscode.WebviewPanel,
    state: MetricsViewState | undefined,
  ): Promise<void> {
    return revivePanel(extensionUri, resolve, log, panel, {
      saved: state?.functionName,
      what: 'the metrics of',
      create: (clients, name) => new MetricsPanel(extensionUri, log, panel, clients, name),
    });
  }

  private constructor(
    extensionUri: vscode.Uri,
    log: HostLog,
    panel: vscode.WebviewPanel,
    clients: AwsClients,
    functionName: string,
  ) {
    super(panel, metricsParams, log);
    this.mount(extensionUri, { view: 'metrics', icon: 'metrics' }, MetricsPanel.open, functionName, [clients]);
    this.handlers = metricsHandlers(clients.lambda, clients.logs, functionName, clients.target.label);
  }
}
