// Activation: wires each feature; nothing else lives here.
import * as vscode from 'vscode';
import { registerLog } from './log';
import { registerTargets } from './targets/registerTargets';
import { registerLabs } from './labs/registerLabs';
import { registerResources } from './resources/registerResources';
import { registerInvoke } from './invoke/registerInvoke';
import { registerWebviews } from './webviews/registerWebviews';
import { registerOnboarding } from './onboarding';
import { registerNewLesson } from './labs/newLessonCommand';
import { registerExportProgressReport } from './labs/exportReportCommand';
import { showError } from './notify';
import { makeApi, type HandsOnCloudApi } from './api';

export function activate(context: vscode.ExtensionContext): HandsOnCloudApi {
  const started = performance.now();
  const log = registerLog(context);
  try {
    const targets = registerTargets(context);
    const views = registerWebviews(context, targets);
    const labs = registerLabs(context, targets, views);
    registerResources(context, targets, views, labs.catalog);
    registerInvoke(context, targets, labs);
    registerOnboarding(context);
    registerNewLesson(context, labs);
    registerExportProgressReport(context, targets, labs);
    const ms = performance.now() - started;
    log.info(`activated in ${ms.toFixed(1)} ms`);
    return makeApi(context, targets, labs, ms);
  } catch (e) {
    void showError('Hands-on Cloud could not start. Reload the window; if it persists, report the log.', e);
    throw e;
  }
}

export function deactivate(): void {
  // Owned disposables (including the local cloud process) are disposed by VS Code.
}
