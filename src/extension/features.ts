// Everything the window does not need before it first paints: the lessons (catalog, Labs tree,
// step guide, lesson commands), the Resources view, invoke and CodeLens, the resource views,
// New Lesson and Export Progress Report. Bundled apart as dist/extension-features.js, which
// activation requires right after it returns (featureLoader.ts): the extension host then reads
// and compiles this code without holding up activation.
import type * as vscode from 'vscode';
import { useLog } from './log';
import type { TargetManager } from './targets/targetManager';
import { registerWebviews } from './webviews/registerWebviews';
import { registerLabs, type Labs } from './labs/registerLabs';
import { registerResources } from './resources/registerResources';
import { registerInvoke } from './invoke/registerInvoke';
import { registerNewLesson } from './labs/newLessonCommand';
import { registerExportProgressReport } from './labs/exportReportCommand';

export function activateFeatures(
  context: vscode.ExtensionContext,
  channel: vscode.LogOutputChannel,
  targets: TargetManager,
): Labs {
  useLog(channel);
  const views = registerWebviews(context, targets);
  const labs = registerLabs(context, targets, views);
  registerResources(context, targets, views, labs.catalog);
  registerInvoke(context, targets, labs);
  registerNewLesson(context, labs);
  registerExportProgressReport(context, targets, labs);
  return labs;
}
