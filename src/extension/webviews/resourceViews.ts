// Opens a resource's own view — queue messages, function metrics and cost, state machine graph —
// on the resource it names, with SDK clients for the current target that the panel then owns.
// Commands, the Resources tree and lesson links all come through here as function calls.
import * as vscode from 'vscode';
import type { ResourceRef } from '../commandArgs';
import { makeClients } from '../resources/awsClients';
import type { TargetManager } from '../targets/targetManager';
import type { HostLog } from './webviewHost';
import { SqsPanel } from './sqs/sqsPanel';
import { MetricsPanel } from './metrics/metricsPanel';
import { GraphPanel } from './graph/graphPanel';

/** Where a view opens: over the active editor, or beside it (from the step guide, so the guide stays visible). */
export type Placement = 'active' | 'beside';

export class ResourceViews {
  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly targets: TargetManager,
    private readonly log: HostLog,
  ) {}

  async open(r: ResourceRef, placement: Placement = 'active'): Promise<void> {
    const clients = makeClients(await this.targets.resolve());
    const column = placement === 'beside' ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    switch (r.kind) {
      case 'queue':
        await SqsPanel.createOrShow(this.extensionUri, this.log, clients, r.ref, column);
        return;
      case 'function':
        MetricsPanel.createOrShow(this.extensionUri, this.log, clients, r.ref, column);
        return;
      case 'stateMachine':
        await GraphPanel.createOrShow(this.extensionUri, this.log, clients, r.ref, column, r.executionArn);
        return;
    }
  }
}
