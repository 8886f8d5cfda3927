// Wires the three views: their commands (from the palette, tree items, lesson links) and
// serializers that bring panels back after a reload.
import * as vscode from 'vscode';
import { log } from '../log';
import { WebviewCommands, WebviewTypes } from './webviewIds';
import { clientSettingsFromArg } from './clientSettings';
import { describeError, type HostLog } from './webviewHost';
import { SqsPanel } from './sqs/sqsPanel';
import { GraphPanel } from './graph/graphPanel';
import { machineOfExecution } from './graph/graphData';
import { MetricsPanel } from './metrics/metricsPanel';
import type { SqsViewState } from '../../shared/webviewProtocolSqs';
import type { GraphViewState } from '../../shared/webviewProtocolGraph';
import type { MetricsViewState } from '../../shared/webviewProtocolMetrics';

/**
 * What a command accepts: a name/URL/ARN string, or an object such as a tree item or a lesson
 * link's JSON argument carrying one of the fields below and, optionally, explicit `client`
 * settings ({ endpoint, region, credentials, target }).
 */
function refOf(arg: unknown, fields: string[]): string | undefined {
  if (typeof arg === 'string') return arg;
  if (typeof arg !== 'object' || arg === null) return undefined;
  const a = arg as Record<string, unknown>;
  // Resources tree entries keep their identifiers in `ref`.
  const inner = typeof a.ref === 'object' && a.ref !== null ? (a.ref as Record<string, unknown>) : {};
  for (const f of fields) {
    for (const src of [a, inner]) if (typeof src[f] === 'string' && src[f]) return src[f] as string;
  }
  return undefined;
}

/** An execution named by the argument: its ARN string, an execution tree entry, or `executionArn`. */
function executionOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return /:execution:/.test(arg) ? arg : undefined;
  if (typeof arg !== 'object' || arg === null) return undefined;
  const a = arg as Record<string, unknown>;
  if (typeof a.executionArn === 'string') return a.executionArn;
  return a.kind === 'execution' && typeof a.arn === 'string' ? a.arn : undefined;
}


function clientOf(arg: unknown) {
  return typeof arg === 'object' && arg !== null ? clientSettingsFromArg((arg as Record<string, unknown>).client) : undefined;
}

export function registerWebviews(context: vscode.ExtensionContext): void {
  // The extension's one log channel.
  const channel = log();
  const hostLog: HostLog = { warn: (m) => channel.warn(m), error: (m) => channel.error(m) };

  /** Runs a view command; a failure becomes a message that says what to do next. */
  const open = (what: string, prompt: string, fields: string[], show: (ref: string, arg: unknown) => Promise<unknown>) => async (arg?: unknown) => {
    const ref = refOf(arg, fields) ?? (await vscode.window.showInputBox({ prompt, ignoreFocusOut: true }));
    if (!ref) return;
    try {
      await show(ref.trim(), arg);
    } catch (e) {
      const text = describeError(e);
      channel.error(`${what} ${ref}: ${text}`);
      void vscode.window.showErrorMessage(`Could not open ${what} ${ref}: ${text}`);
    }
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(
      WebviewCommands.showQueueMessages,
      open('the messages of queue', 'Queue name, URL or ARN', ['queueUrl', 'url', 'arn', 'queueName', 'name'], (ref, arg) => SqsPanel.createOrShow(context, hostLog, ref, clientOf(arg))),
    ),
    vscode.commands.registerCommand(
      WebviewCommands.showInvocationMetrics,
      open('the metrics of function', 'Function name or ARN', ['functionName', 'functionArn', 'arn', 'name'], (ref, arg) => MetricsPanel.createOrShow(context, hostLog, ref, clientOf(arg))),
    ),
    vscode.commands.registerCommand(
      WebviewCommands.showStateMachineGraph,
      open('the graph of state machine', 'State machine name or ARN', ['stateMachineArn', 'arn', 'name'], (ref, arg) =>
        GraphPanel.createOrShow(context, hostLog, machineOfExecution(ref), clientOf(arg), executionOf(arg) ?? executionOf(ref)),
      ),
    ),
    vscode.window.registerWebviewPanelSerializer(WebviewTypes.sqs, {
      deserializeWebviewPanel: (panel, state: SqsViewState | undefined) => SqsPanel.revive(context, hostLog, panel, state),
    }),
    vscode.window.registerWebviewPanelSerializer(WebviewTypes.graph, {
      deserializeWebviewPanel: (panel, state: GraphViewState | undefined) => GraphPanel.revive(context, hostLog, panel, state),
    }),
    vscode.window.registerWebviewPanelSerializer(WebviewTypes.metrics, {
      deserializeWebviewPanel: (panel, state: MetricsViewState | undefined) => MetricsPanel.revive(context, hostLog, panel, state),
    }),
  );
}
