// Wires the three resource views: their commands (from the Resources tree, the Command Palette
// and command links, each argument parsed once) and serializers that bring panels back after a reload.
import * as vscode from 'vscode';
import { log } from '../log';
import { Commands, Panels } from '../ids';
import { guarded } from '../notify';
import { pickTarget } from '../targets/targetPicker';
import { resourceRefArg, type ViewedKind } from '../commandArgs';
import type { TargetManager } from '../targets/targetManager';
import type { HostLog } from './webviewHost';
import { ResourceViews } from './resourceViews';
import { pickDeployedResource } from './resourcePicker';
import { SqsPanel } from './sqs/sqsPanel';
import { GraphPanel } from './graph/graphPanel';
import { MetricsPanel } from './metrics/metricsPanel';
import type { SqsViewState } from '../../shared/webviewProtocolSqs';
import type { GraphViewState } from '../../shared/webviewProtocolGraph';
import type { MetricsViewState } from '../../shared/webviewProtocolMetrics';

export function registerWebviews(context: vscode.ExtensionContext, targets: TargetManager): ResourceViews {
  const channel = log();
  const hostLog: HostLog = { warn: (m) => channel.warn(m), error: (m) => channel.error(m) };
  const views = new ResourceViews(context.extensionUri, targets, hostLog);
  const resolve = () => targets.resolve();

  /** The item it was invoked on (tree item, link argument), else a pick of what is deployed. */
  const command = (id: string, kind: ViewedKind, what: string) =>
    vscode.commands.registerCommand(
      id,
      guarded(
        what,
        async (arg: unknown) => {
          const ref = resourceRefArg(arg, kind) ?? (await pickDeployedResource(targets, kind));
          if (ref) await views.open(ref);
        },
        () => pickTarget(targets),
      ),
    );

  context.subscriptions.push(
    command(Commands.showQueueMessages, 'queue', 'open the queue messages'),
    command(Commands.showInvocationMetrics, 'function', 'open the function metrics'),
    command(Commands.showStateMachineGraph, 'stateMachine', 'open the state machine graph'),
    vscode.window.registerWebviewPanelSerializer(Panels.sqs, {
      deserializeWebviewPanel: (panel, state: SqsViewState | undefined) =>
        SqsPanel.revive(context.extensionUri, resolve, hostLog, panel, state),
    }),
    vscode.window.registerWebviewPanelSerializer(Panels.graph, {
      deserializeWebviewPanel: (panel, state: GraphViewState | undefined) =>
        GraphPanel.revive(context.extensionUri, resolve, hostLog, panel, state),
    }),
    vscode.window.registerWebviewPanelSerializer(Panels.metrics, {
      deserializeWebviewPanel: (panel, state: MetricsViewState | undefined) =>
        MetricsPanel.revive(context.extensionUri, resolve, hostLog, panel, state),
    }),
  );
  return views;
}
