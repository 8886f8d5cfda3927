// *New Lesson…*: asks for a folder and a title, makes the lesson with the same engine function
// as `hoc lab new` (from the template shipped in the extension) and opens it.
import * as vscode from 'vscode';
import { join } from 'node:path';
import { createLesson, LESSON_TEMPLATE_DIR, lessonIdFrom, titleFrom } from '../../lab';
import { Commands } from '../ids';
import { guarded } from '../notify';
import type { Labs } from './registerLabs';

async function askFolder(): Promise<vscode.Uri | undefined> {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  const parent = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    defaultUri: root ? vscode.Uri.joinPath(root, 'labs') : undefined,
    openLabel: vscode.l10n.t('Create the Lesson Here'),
    title: vscode.l10n.t('New Lesson: the folder that will hold it (e.g. labs/)'),
  });
  if (!parent?.[0]) return undefined;
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('New Lesson: folder name'),
    prompt: vscode.l10n.t(
      'A new folder for the lesson; its name gives the lesson id (lower case letters, digits, dashes)',
    ),
    value: '06-my-lesson',
    validateInput: (v) =>
      lessonIdFrom(v) ? undefined : vscode.l10n.t('Use letters, digits and dashes, e.g. 06-my-lesson'),
  });
  return name ? vscode.Uri.joinPath(parent[0], name) : undefined;
}

export function registerNewLesson(context: vscode.ExtensionContext, labs: Labs): void {
  const run = async () => {
    const folder = await askFolder();
    if (!folder) return;
    const title = await vscode.window.showInputBox({
      title: vscode.l10n.t('New Lesson: title'),
      prompt: vscode.l10n.t('What students see in the Labs view'),
      value: titleFrom(folder.path.split('/').pop() ?? ''),
    });
    if (title === undefined) return;
    const made = createLesson(folder.fsPath, { templateDir: join(context.extensionPath, LESSON_TEMPLATE_DIR), title });
    await labs.catalog.refresh();
    await vscode.window.showTextDocument(vscode.Uri.file(join(made.dir, 'lesson.yaml')));
    // The Labs view lists lessons of the open folders; one made elsewhere opens as a file only.
    const entry = await labs.catalog.find(made.dir);
    if (entry) await labs.openLesson(entry);
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Lesson “{0}” created in {1}. Run Lesson fails until its exercise is solved; {2} passes.',
        made.title,
        made.dir,
        '`hoc lab run … --solutions`',
      ),
    );
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.newLesson, guarded(vscode.l10n.t('create the lesson'), run)),
  );
}
