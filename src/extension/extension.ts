// Activation registers the commands and returns: its own (the target, the local cloud,
// onboarding) and stand-ins for the rest. Right after it returns come the status bar item and
// the terminals' environment, then the rest of the extension (features.ts, a bundle of its own).
import * as vscode from 'vscode';
import { registerLog } from './log';
import { registerTargetIndicators, registerTargets } from './targets/registerTargets';
import { registerOnboarding } from './onboarding';
import { loadFeatures } from './featureLoader';
import { showError } from './notify';
import { makeApi, type HandsOnCloudApi } from './api';

const COULD_NOT_START = 'Hands-on Cloud could not start. Reload the window; if it persists, report the log.';

/** Runs work right after activate() returns; a failure is reported as one in activate() is. */
function afterActivation(work: () => void): void {
  setImmediate(() => {
    try {
      work();
    } catch (e) {
      void showError(COULD_NOT_START, e);
    }
  });
}

export function activate(context: vscode.ExtensionContext): HandsOnCloudApi {
  const started = performance.now();
  const log = registerLog(context);
  try {
    const targets = registerTargets(context);
    registerOnboarding(context);
    afterActivation(() => registerTargetIndicators(context, targets));
    const labs = loadFeatures(context, log, targets);
    labs.then(
      () => log.info(`features loaded ${(performance.now() - started).toFixed(1)} ms after activation began`),
      (e: unknown) => void showError(COULD_NOT_START, e),
    );
    const ms = performance.now() - started;
    log.info(`activated in ${ms.toFixed(1)} ms`);
    return makeApi(context, targets, labs, ms);
  } catch (e) {
    void showError(COULD_NOT_START, e);
    throw e;
  }
}

export function deactivate(): void {
  // Owned disposables (including the local cloud process) are disposed by VS Code.
}
