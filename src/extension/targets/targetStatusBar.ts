// Status-bar item: the current target and, for the local cloud, whether it runs. Click to switch.
import * as vscode from 'vscode';
import { Commands } from '../ids';
import type { TargetManager } from './targetManager';

const LOCAL_ICONS = { stopped: '$(circle-outline)', starting: '$(sync~spin)', running: '$(pass-filled)', failed: '$(error)' } as const;

export function registerTargetStatusBar(context: vscode.ExtensionContext, targets: TargetManager): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('handsOnCloud.target', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Hands-on Cloud Target';
  item.command = Commands.selectTarget;
  const update = () => {
    const cloud = targets.localCloud;
    if (targets.kind === 'local') {
      item.text = `$(cloud) Local cloud ${LOCAL_ICONS[cloud.state]}`;
      const where = cloud.info ? ` at ${cloud.info.endpoint}` : '';
      item.tooltip = new vscode.MarkdownString(`**Hands-on Cloud target:** local cloud — ${cloud.state}${where}\n\nIt starts on first use and stops with the window. Click to switch target.`);
    } else {
      item.text = `$(cloud) ${targets.describe()}`;
      item.tooltip = `Hands-on Cloud target: ${targets.describe()}. Click to switch target.`;
    }
    item.backgroundColor = targets.kind === 'local' && cloud.state === 'failed' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    item.accessibilityInformation = { label: `Hands-on Cloud target ${targets.describe()}${targets.kind === 'local' ? `, ${cloud.state}` : ''}` };
  };
  update();
  item.show();
  context.subscriptions.push(item, targets.onDidChange(update), targets.localCloud.onDidChangeState(update));
  return item;
}
