// Host of the invocation metrics view: one panel per function.
import * as vscode from 'vscode';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { GetFunctionConfigurationCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { PRICES } from '../../../cloud/metrics/prices';
import { metricsParams, type FunctionSummary, type MetricsEvent, type MetricsMethods, type MetricsViewState } from '../../../shared/webviewProtocolMetrics';
import { WebviewHost, type Handlers, type HostLog } from '../webviewHost';
import { renderShell, webviewOptions } from '../shell';
import { resolveClientSettings, sdkConfig, targetLabel, type ClientSettings } from '../clientSettings';
import { WebviewTypes } from '../webviewIds';
import { InvocationLog } from './invocationLog';
import { projectMonthlyCost } from './costProjection';
import { functionNameOf } from './functionName';

export class MetricsPanel extends WebviewHost<MetricsMethods, MetricsEvent> {
  static readonly viewType = WebviewTypes.metrics;
  private static readonly open = new Map<string, MetricsPanel>();

  private readonly lambda: LambdaClient;
  private readonly logsClient: CloudWatchLogsClient;
  private invocationLog: InvocationLog | undefined;

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

  static async revive(context: vscode.ExtensionContext, log: HostLog, panel: vscode.WebviewPanel, state: MetricsViewState | undefined): Promise<void> {
    if (!state || typeof state.functionName !== 'string') return panel.dispose();
    try {
      const settings = await resolveClientSettings();
      panel.webview.options = webviewOptions(context.extensionUri);
      new MetricsPanel(context, log, panel, settings, state.functionName);
    } catch (e) {
      log.warn(`could not restore the metrics of ${state.functionName}: ${(e as Error).message}`);
      panel.dispose();
    }
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
    MetricsPanel.open.set(functionName, this);
    panel.webview.html = renderShell(panel.webview, context.extensionUri, { view: 'metrics', title: panel.title, styles: ['common', 'metrics'] });
    this.disposables.push({ dispose: () => (MetricsPanel.open.delete(functionName), this.lambda.destroy(), this.logsClient.destroy()) });
  }

  private async summary(): Promise<FunctionSummary> {
    const c = await this.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: this.functionName }));
    return {
      functionName: this.functionName,
      memorySizeMb: c.MemorySize ?? 128,
      architecture: c.Architectures?.[0] === 'arm64' ? 'arm64' : 'x86_64',
      runtime: c.Runtime,
      target: targetLabel(this.settings),
    };
  }

  protected readonly handlers: Handlers<MetricsMethods> = {
    load: async () => {
      const fn = await this.summary();
      this.invocationLog = new InvocationLog(this.logsClient, this.functionName, fn.architecture);
      await this.invocationLog.refresh();
      return { fn, ...this.invocationLog.rows(), prices: { asOf: PRICES.checked, region: PRICES.region }, sizing: this.invocationLog.sizing() };
    },
    invocations: async () => {
      if (!this.invocationLog) throw new Error('The view asked for invocations before loading; reopen it.');
      await this.invocationLog.refresh();
      return { ...this.invocationLog.rows(), sizing: this.invocationLog.sizing() };
    },
    estimate: async (p) => projectMonthlyCost(p),
  };
}
