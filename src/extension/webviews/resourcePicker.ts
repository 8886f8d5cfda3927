// The Command Palette's way to name a resource: a quick pick of what is deployed on the current
// target, of the kind the view shows — never a typed name.
import * as vscode from 'vscode';
import { resourceRefArg, type ResourceRef, type ViewedKind } from '../commandArgs';
import { makeClients, type AwsClients } from '../resources/awsClients';
import { listFunctions, listQueues, listStateMachines, type ResourceEntry } from '../resources/resourceModel';
import type { TargetManager } from '../targets/targetManager';

const LISTERS: Record<ViewedKind, { list: (c: AwsClients) => Promise<ResourceEntry[]>; noun: string }> = {
  queue: { list: listQueues, noun: 'queue' },
  function: { list: listFunctions, noun: 'function' },
  stateMachine: { list: listStateMachines, noun: 'state machine' },
};

export async function pickDeployedResource(targets: TargetManager, kind: ViewedKind): Promise<ResourceRef | undefined> {
  const { list, noun } = LISTERS[kind];
  const clients = makeClients(await targets.resolve());
  let entries: ResourceEntry[];
  try {
    entries = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Window,
        title: vscode.l10n.t('Listing the resources of type {0} on {1}', noun, clients.target.label),
      },
      () => list(clients),
    );
  } finally {
    clients.destroy();
  }
  if (entries.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'No {0} is deployed on {1} yet. Deploy the lesson step that creates one, then try again.',
        noun,
        clients.target.label,
      ),
    );
    return undefined;
  }
  type Item = vscode.QuickPickItem & { entry: ResourceEntry };
  const items: Item[] = entries.map((entry) => ({
    label: entry.label,
    description: entry.description,
    detail: entry.arn,
    entry,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Pick a {0} on {1}', noun, clients.target.label),
    placeHolder: vscode.l10n.t('{0} name', noun),
    matchOnDescription: true,
  });
  return picked ? resourceRefArg({ type: 'entry', entry: picked.entry }, kind) : undefined;
}
