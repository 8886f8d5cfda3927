// Resources view: what exists on the current target, grouped by kind, loaded lazily per group.
// Errors show as an item in their group (one unreachable service does not blank the view).
import * as vscode from 'vscode';
import { Commands, ItemKinds } from '../ids';
import type { TargetManager } from '../targets/targetManager';
import { errorText } from '../notify';

import { makeClients, type AwsClients } from './awsClients';
import * as model from './resourceModel';
import type { ResourceEntry } from './resourceModel';
import { shortResourceName } from '../treeLabels';

/** Resources named after their lesson (objects, stages and executions are not). */
const TOP_LEVEL = new Set<string>([
  ItemKinds.queue,
  ItemKinds.bucket,
  ItemKinds.function,
  ItemKinds.api,
  ItemKinds.stateMachine,
]);

type Group = 'queues' | 'buckets' | 'functions' | 'apis' | 'stateMachines';
const GROUPS: Array<{ id: Group; label: string; icon: string; load: (c: AwsClients) => Promise<ResourceEntry[]> }> = [
  { id: 'queues', label: vscode.l10n.t('Queues'), icon: 'inbox', load: model.listQueues },
  { id: 'buckets', label: vscode.l10n.t('Buckets'), icon: 'database', load: model.listBuckets },
  { id: 'functions', label: vscode.l10n.t('Functions'), icon: 'symbol-function', load: model.listFunctions },
  { id: 'apis', label: vscode.l10n.t('APIs'), icon: 'globe', load: model.listApis },
  {
    id: 'stateMachines',
    label: vscode.l10n.t('State machines'),
    icon: 'type-hierarchy',
    load: model.listStateMachines,
  },
];

export type ResourceNode =
  | { type: 'group'; group: Group }
  | { type: 'entry'; entry: ResourceEntry }
  | { type: 'message'; text: string; icon: string; command?: vscode.Command };

export class ResourcesTreeProvider implements vscode.TreeDataProvider<ResourceNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ResourceNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private clients: AwsClients | undefined;

  constructor(
    private readonly targets: TargetManager,
    /** Ids of the lessons the catalog knows: their `{lessonId}-` prefix is left to the tooltip. */
    private readonly lessonIds: () => readonly string[],
  ) {}

  /** Lists again with the same clients (after lesson work or an item action). */
  refresh(): void {
    this.changed.fire(undefined);
  }

  /** Drops the clients, so the next listing resolves the target again (target changed, manual refresh). */
  reconnect(): void {
    this.dropClients();
    this.refresh();
  }

  private dropClients(): void {
    this.clients?.destroy();
    this.clients = undefined;
  }

  /** Clients for the target; undefined while the local cloud is stopped (the view never starts it). */
  async currentClients(start = false): Promise<AwsClients | undefined> {
    if (this.targets.kind === 'local' && !this.targets.localCloud.info) {
      // A stopped or crashed cloud's endpoint is gone: never reuse clients made for it.
      this.dropClients();
      if (!start) return undefined;
    }
    this.clients ??= makeClients(await this.targets.resolve());
    return this.clients;
  }

  async getChildren(node?: ResourceNode): Promise<ResourceNode[]> {
    if (!node) {
      // An empty tree shows the manifest's welcome view (a sentence and a Start button).
      if (!(await this.currentClients())) return [];
      return GROUPS.map((g) => ({ type: 'group', group: g.id }));
    }
    if (node.type === 'message') return [];
    try {
      const c = (await this.currentClients())!;
      let entries: ResourceEntry[];
      if (node.type === 'group') entries = await GROUPS.find((g) => g.id === node.group)!.load(c);
      else if (node.entry.kind === ItemKinds.bucket) entries = await model.listObjects(c, node.entry.ref.bucket);
      else if (node.entry.kind === ItemKinds.api) entries = await model.listStages(c, node.entry.ref.apiId);
      else if (node.entry.kind === ItemKinds.stateMachine) entries = await model.listExecutions(c, node.entry.ref.arn);
      else entries = [];
      if (entries.length === 0)
        return [{ type: 'message', text: node.type === 'group' ? 'none yet' : 'empty', icon: 'blank' }];
      return entries.map((entry) => ({ type: 'entry', entry }));
    } catch (e) {
      return [
        {
          type: 'message',
          text: vscode.l10n.t('Not reachable: {0}', errorText(e)),
          icon: 'warning',
          command: { command: Commands.selectTarget, title: vscode.l10n.t('Choose Target') },
        },
      ];
    }
  }

  getTreeItem(node: ResourceNode): vscode.TreeItem {
    if (node.type === 'group') {
      const g = GROUPS.find((x) => x.id === node.group)!;
      const item = new vscode.TreeItem(g.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${g.id}`;
      item.iconPath = new vscode.ThemeIcon(g.icon);
      item.contextValue = ItemKinds.group;
      return item;
    }
    if (node.type === 'message') {
      const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon(node.icon);
      item.command = node.command;
      item.contextValue = ItemKinds.message;
      return item;
    }
    const e = node.entry;
    const short = TOP_LEVEL.has(e.kind) ? shortResourceName(e.label, this.lessonIds()) : { label: e.label };
    const item = new vscode.TreeItem(
      short.label,
      e.hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = e.key;
    item.description = e.description;
    const detail = e.tooltip ?? e.arn;
    item.tooltip = short.lessonId ? `${e.label}${detail ? `\n${detail}` : ''}` : detail;
    item.accessibilityInformation = { label: `${e.kind} ${e.label}${e.description ? `, ${e.description}` : ''}` };
    item.contextValue = e.kind;
    const color =
      e.status === 'FAILED' || e.status === 'TIMED_OUT'
        ? new vscode.ThemeColor('testing.iconFailed')
        : e.status === 'SUCCEEDED'
          ? new vscode.ThemeColor('testing.iconPassed')
          : undefined;
    item.iconPath = new vscode.ThemeIcon(e.icon, color);
    if (e.kind === ItemKinds.queue) {
      item.command = { command: Commands.showQueueMessages, title: vscode.l10n.t('Show Messages'), arguments: [node] };
    } else if (e.kind === ItemKinds.function) {
      item.command = { command: Commands.invokeFunction, title: vscode.l10n.t('Invoke'), arguments: [node] };
    }
    return item;
  }

  dispose(): void {
    this.dropClients();
    this.changed.dispose();
  }
}
