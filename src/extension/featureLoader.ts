// Activation registers the commands of features.ts as stand-ins and returns; the features'
// bundle, dist/extension-features.js, is required on the next turn of the event loop. A
// stand-in invoked before then waits for the features and runs the real command, so every
// command works from the palette at any moment; the features' own commands replace the
// stand-ins once loaded. Views, CodeLens and webview serializers registered a moment after
// activation are fine: the workbench waits for a view's data provider and keeps a restored
// panel until its serializer arrives.
import * as vscode from 'vscode';
import { Commands, type CommandId } from './ids';
import type { Labs } from './labs/registerLabs';
import type { TargetManager } from './targets/targetManager';
import type * as Features from './features';

/** Commands activation registers itself (registerTargets, registerOnboarding); features.ts registers the rest. */
const ACTIVATION_COMMANDS: ReadonlySet<CommandId> = new Set([
  Commands.startLocalCloud,
  Commands.stopLocalCloud,
  Commands.selectTarget,
  Commands.showLog,
  Commands.openWalkthrough,
]);

function featureCommands(): CommandId[] {
  return Object.values(Commands).filter((id) => !ACTIVATION_COMMANDS.has(id));
}

/** Registers the stand-ins now and the features right after activation; resolves to the lessons feature. */
export function loadFeatures(
  context: vscode.ExtensionContext,
  channel: vscode.LogOutputChannel,
  targets: TargetManager,
): Promise<Labs> {
  const labs = new Promise<Labs>((resolve, reject) =>
    setImmediate(() => {
      try {
        // Beside dist/extension.js at run time (esbuild.mjs leaves this require to Node).
        const features = require('./extension-features.js') as typeof Features;
        // In one turn: no command is missing between a stand-in's removal and its replacement.
        for (const s of standIns) s.dispose();
        resolve(features.activateFeatures(context, channel, targets));
      } catch (e) {
        reject(e);
      }
    }),
  );
  const standIns = featureCommands().map((id) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      await labs;
      return vscode.commands.executeCommand(id, ...args);
    }),
  );
  context.subscriptions.push(...standIns);
  return labs;
}
