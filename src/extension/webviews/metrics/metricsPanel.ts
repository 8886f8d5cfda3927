// Host of the invocation metrics view: one panel per function.
import * as vscode from 'vscode';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { metricsParams, type MetricsEvent, type MetricsMethods, type MetricsViewState } from '../../../shared/webviewProtocolMetrics';
import { WebviewHost, type Handlers, type HostLog } from '../webviewHost';
import { webviewOptions } from '../shell';
import { resolveClientSettings, sdkConfig, targetLabel, type ClientSettings } from '../clientSettings';
import { WebviewTypes } from '../webviewIds';
import { revivePanel } from '../revivePanel';
import { metricsHandlers } from './metricsHandlers';
import { functionNameOf } from './functionName';

export class MetricsPanel extends WebviewHost<MetricsMethods, MetricsEvent> {
  static readonly viewType = WebviewTypes.metrics;
  protected readonly handlers: Handlers<MetricsMethods>;
  private static readonly open = new Map<string, MetricsPanel>();

  private readonly lambda: LambdaClient;
  private readonly logsClient: CloudWatchLogsClient;

  static async createOrShow(context: vscode.ExtensionContext, log: HostLog, ref: string, explicit?: ClientSettings): Promise<MetricsPanel> {
    const settings = await resolveClientSettings(explicit);
    const name = functionNameOf(ref);
    const existing = MetricsPanel.open.get(name);
    if (existing) {
      existing.panel.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(MetricsPanel.viewType, `Metrics: ${name}`, vscode.ViewColumn.Active, webviewOptions(context.extensionUri));
    return new MetricsPanel(context, log, panel, settings, name);
  }

  static revive(context: vscode.ExtensionContext, log: HostLog, panel: vscode.WebviewPanel, state: MetricsViewState | undefined): Promise<void> {
    return revivePanel(context, log, panel, {
      saved: state?.functionName,
      what: 'the metrics of',
      create: (settings, name) => new MetricsPanel(context, log, panel, settings, name),
    });
  }

  private constructor(
    context: vscode.ExtensionContext,
    log: HostLog,
    panel: vscode.WebviewPanel,
    private readonly settings: ClientSettings,
    private readonly functionName: string,
  ) {
    super(panel, metricsParams, log);
    this.lambda = new LambdaClient(sdkConfig(settings));
    this.logsClient = new CloudWatchLogsClient(sdkConfig(settings));
    this.mount(context.extensionUri, { view: 'metrics', icon: 'metrics' }, MetricsPanel.open, functionName, [this.lambda, this.logsClient]);
    this.handlers = metricsHandlers(this.lambda, this.logsClient, this.functionName, targetLabel(this.settings));
  }
}
