// *Export Progress Report*: asks every step's checks of a lesson now, on the current target,
// and saves what they see as the JSON report a student hands in (src/lab/report; graded with
// `hoc lab grade`). Checks only query: nothing is deployed or changed.
import * as vscode from 'vscode';
import { writeFile } from 'node:fs/promises';
import { collectProgressReport, LabSession, loadLesson } from '../../lab';
import { Commands } from '../ids';
import { guarded } from '../notify';
import { pickTarget } from '../targets/targetPicker';
import type { TargetManager } from '../targets/targetManager';
import type { Labs } from './registerLabs';
import type { CatalogLesson } from './lessonCatalog';

const STUDENT_KEY = 'handsOnCloud.reportStudent';

async function pickLesson(labs: Labs): Promise<CatalogLesson | undefined> {
  const all = await labs.catalog.all();
  const active = labs.progress.active?.lessonDir;
  if (all.length <= 1) return all[0];
  const items = [...all]
    .sort((a, b) => Number(b.dir === active) - Number(a.dir === active))
    .map((entry) => ({ label: entry.lesson.title, description: entry.lesson.id, entry }));
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export Progress Report: which lesson?') }))
    ?.entry;
}

export function registerExportProgressReport(
  context: vscode.ExtensionContext,
  targets: TargetManager,
  labs: Labs,
): void {
  const run = async () => {
    const entry = await pickLesson(labs);
    if (!entry) return;
    const student = await vscode.window.showInputBox({
      title: vscode.l10n.t('Export Progress Report: your name'),
      prompt: vscode.l10n.t('As your instructor knows you (name and student number)'),
      value: context.globalState.get<string>(STUDENT_KEY) ?? '',
    });
    if (student === undefined) return;
    void context.globalState.update(STUDENT_KEY, student);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const file = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Save the progress report'),
      defaultUri: folder ? vscode.Uri.joinPath(folder, `${entry.lesson.id}-progress.json`) : undefined,
      filters: { 'Progress report': ['json'] },
    });
    if (!file) return;
    const report = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Checking “{0}” on {1}', entry.lesson.title, targets.describe()),
        cancellable: true,
      },
      async (_p, token) => {
        const abort = new AbortController();
        const sub = token.onCancellationRequested(() => abort.abort());
        const session = new LabSession(loadLesson(entry.dir), await targets.resolve(), { signal: abort.signal });
        try {
          return await collectProgressReport(session, {
            student,
            toolVersion: String(context.extension.packageJSON.version),
            progress: labs.progress,
          });
        } finally {
          session.dispose();
          sub.dispose();
        }
      },
    );
    await writeFile(file.fsPath, JSON.stringify(report, null, 2) + '\n');
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Saved {0} of {1} checks passing to {2}. Hand in this file.',
        report.totals.passed,
        report.totals.checks,
        vscode.workspace.asRelativePath(file),
      ),
    );
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(
      Commands.exportProgressReport,
      guarded(vscode.l10n.t('export the progress report'), run, () => pickTarget(targets)),
    ),
  );
}
