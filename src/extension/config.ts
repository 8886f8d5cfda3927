// One typed accessor over the `handsOnCloud.*` settings (names and defaults in settingsDefaults.ts).
import * as vscode from 'vscode';
import { CONFIG_SECTION } from './ids';

import { TARGET_KINDS, type TargetKind } from '../cloud/target/target';
import { DEFAULTS, type Settings } from './settingsDefaults';

export { TARGET_KINDS, type TargetKind, DEFAULTS, type Settings };

export const config = {
  get<K extends keyof Settings>(key: K): Settings[K] {
    const value = vscode.workspace.getConfiguration(CONFIG_SECTION).get<Settings[K]>(key);
    return value ?? DEFAULTS[key];
  },

  target(): TargetKind {
    const t = this.get('target');
    return TARGET_KINDS.includes(t) ? t : 'local';
  },

  /** Writes where the user last set it: the workspace if it overrides, else user settings. */
  async set<K extends keyof Settings>(key: K, value: Settings[K]): Promise<void> {
    const section = vscode.workspace.getConfiguration(CONFIG_SECTION);
    const inspect = section.inspect(key);
    const where =
      inspect?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await section.update(key, value, where);
  },

  /** Fires when any of the given settings change. */
  onDidChange(keys: Array<keyof Settings>, listener: () => void): vscode.Disposable {
    return vscode.workspace.onDidChangeConfiguration((e) => {
      if (keys.some((k) => e.affectsConfiguration(`${CONFIG_SECTION}.${k}`))) listener();
    });
  },
};
