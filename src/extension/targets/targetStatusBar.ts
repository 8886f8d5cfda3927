// Status-bar item: the current target and, for the local cloud, whether it runs. Click to switch.
import * as vscode from 'vscode';
import { Commands } from '../ids';
import type { TargetManager } from './targetManager';

const LOCAL_ICONS = {
  stopped: '$(circle-outline)',
  starting: '$(sync~spin)',
  running: '$(pass-filled)',
  failed: '$(error)',
} as const;

export function registerTargetStatusBar(
  context: vscode.ExtensionContext,
  targets: TargetManager,
): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('handsOnCloud.target', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Hands-on Cloud Target';
  item.command = Commands.selectTarget;
  const update = () => {
    const cloud = targets.localCloud;
    if (targets.kind === 'local') {
      item.text = `$(cloud) ${vscode.l10n.t('Local cloud')} ${LOCAL_ICONS[cloud.state]}`;
      const where = cloud.info ? ` at ${cloud.info.endpoint}` : '';
      item.tooltip = new vscode.MarkdownString(
        vscode.l10n.t(
          '**Hands-on Cloud target:** local cloud — {0}{1}\n\nIt starts on first use and stops with the window. Click to switch target.',
          cloud.state,
          where,
        ),
      );
    } else {
      item.text = `$(cloud) ${targets.describe()}`;
      item.tooltip = vscode.l10n.t('Hands-on Cloud target: {0}. Click to switch target.', targets.describe());
    }
    item.backgroundColor =
      targets.kind === 'local' && cloud.state === 'failed'
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : undefined;
    item.accessibilityInformation = {
      label: `${vscode.l10n.t('Hands-on Cloud target {0}', targets.describe())}${targets.kind === 'local' ? `, ${cloud.state}` : ''}`,
    };
  };
  update();
  item.show();
  context.subscriptions.push(item, targets.onDidChange(update), targets.localCloud.onDidChangeState(update));
  return item;
}
