// Labs feature: the lesson catalog, the Labs tree (state icons, badge, welcome view), the step
// guide and the lesson commands (open, deploy, check, reset, run, tear down, command links).
import * as vscode from 'vscode';
import { Commands, ContextKeys, Panels, Views } from '../ids';
import { guarded } from '../notify';
import { pickTarget } from '../targets/targetPicker';
import { log } from '../log';
import type { TargetManager } from '../targets/targetManager';
import type { ResourceViews } from '../webviews/resourceViews';
import { StepGuidePanel } from '../stepGuide/stepGuidePanel';
import type { StepGuideState } from '../../shared/webviewProtocolStepGuide';
import { LessonCatalog, type CatalogLesson } from './lessonCatalog';
import { LabController } from './labController';
import { LabsTreeProvider } from './labsTree';
import { lessonLinkArg, stepRefArg } from '../commandArgs';
import { EditorProgress } from './progressStore';
import { invocationDisplay } from '../invoke/invokeResultPanel';
import { formatUsd } from '../../cloud/metrics/cost';

export interface Labs {
  catalog: LessonCatalog;
  controller: LabController;
  progress: EditorProgress;
  /** Opens a lesson in the step guide at its first unfinished step. */
  openLesson(entry: CatalogLesson): Promise<void>;
}

export function registerLabs(context: vscode.ExtensionContext, targets: TargetManager, views: ResourceViews): Labs {
  const progress = new EditorProgress(context.workspaceState);
  const catalog = new LessonCatalog(context.extensionUri);
  const controller = new LabController(progress, targets, views, invocationDisplay(context.extensionUri));
  const tree = new LabsTreeProvider(catalog, progress);
  const view = vscode.window.createTreeView(Views.labs, { treeDataProvider: tree, showCollapseAll: true });
  context.subscriptions.push(catalog, controller, view, { dispose: () => progress.dispose() });

  const updateBadge = async () => {
    const lessons = await catalog.all();
    const active = progress.active;
    const shown = lessons.filter((l) => !active || l.dir === active.lessonDir);
    const left = shown.reduce(
      (n, l) =>
        n +
        progress.stepsLeft(
          l.lesson.id,
          l.lesson.steps.map((s) => s.id),
        ),
      0,
    );
    view.badge =
      left > 0
        ? { value: left, tooltip: left === 1 ? vscode.l10n.t('1 step left') : vscode.l10n.t('{0} steps left', left) }
        : undefined;
    void vscode.commands.executeCommand('setContext', ContextKeys.hasLessons, lessons.length > 0);
    void vscode.commands.executeCommand('setContext', ContextKeys.lessonsLoaded, true);
  };
  const onChange = () => {
    tree.refresh();
    void updateBadge();
  };
  context.subscriptions.push(catalog.onDidChange(onChange), progress.onDidChange(onChange));
  void updateBadge();

  /** A command's lesson and step: the one it names (tree node, command link), else the active step. */
  const resolveArgs = async (arg: unknown): Promise<{ entry: CatalogLesson; stepId?: string }> => {
    const named = stepRefArg(arg);
    const key = named.lesson ?? StepGuidePanel.current?.lessonId ?? progress.active?.lessonDir;
    const entry = key ? await catalog.find(key) : (await catalog.all())[0];
    if (!entry)
      throw new Error(
        named.lesson
          ? vscode.l10n.t("No lesson '{0}' here. Reload the lessons (Hands-on Cloud: Reload Lessons).", named.lesson)
          : vscode.l10n.t(
              'No lesson is open. Open a folder with a labs/ folder (or a lesson.yaml) and pick a lesson in the Labs view.',
            ),
      );
    const stepId =
      named.step ??
      (StepGuidePanel.current?.lessonId === entry.lesson.id
        ? StepGuidePanel.current.currentStepId
        : progress.active?.lessonDir === entry.dir
          ? progress.active.stepId
          : undefined);
    return { entry, stepId };
  };
  const needStep = (entry: CatalogLesson, stepId: string | undefined) =>
    stepId ??
    entry.lesson.steps.find((s) => progress.state(entry.lesson.id, s.id) !== 'done')?.id ??
    entry.lesson.steps[0]?.id;

  const openStep = async (entry: CatalogLesson, stepId: string) => {
    await StepGuidePanel.createOrShow(context.extensionUri, controller, entry, stepId, catalog);
    const node = tree.stepNode(entry, stepId);
    if (node && view.visible) void view.reveal(node, { select: true, focus: false });
    void updateBadge();
  };

  const chooseTarget = () => pickTarget(targets);
  const register = (id: string, what: string, fn: (...args: unknown[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, guarded(what, fn, chooseTarget)));
  register(Commands.refreshLabs, vscode.l10n.t('reload the lessons'), () => catalog.refresh());
  const openLesson = async (entry: CatalogLesson) => {
    const stepId = needStep(entry, undefined);
    if (stepId) await openStep(entry, stepId);
  };
  register(Commands.openLesson, vscode.l10n.t('open the lesson'), async (arg) =>
    openLesson((await resolveArgs(arg)).entry),
  );
  register(Commands.openStep, vscode.l10n.t('open the step'), async (arg) => {
    const { entry, stepId } = await resolveArgs(arg);
    const id = needStep(entry, stepId);
    if (id) await openStep(entry, id);
  });
  register(Commands.deployStep, vscode.l10n.t('deploy the step'), async (arg) => {
    const { entry, stepId } = await resolveArgs(arg);
    const summary = await controller.deploy(entry, needStep(entry, stepId)!);
    vscode.window.setStatusBarMessage(`$(cloud-upload) ${summary}`, 5000);
  });
  register(Commands.checkStep, vscode.l10n.t('check the step'), async (arg) => {
    const { entry, stepId } = await resolveArgs(arg);
    const id = needStep(entry, stepId)!;
    const outcomes = await controller.check(entry, id);
    const failed = outcomes.filter((o) => !o.passed);
    const nextStep = vscode.l10n.t('Next Step');
    const openThisStep = vscode.l10n.t('Open Step');
    if (failed.length === 0) {
      void vscode.window
        .showInformationMessage(
          vscode.l10n.t('“{0}”: all {1} checks pass.', controller.step(entry, id).title, outcomes.length),
          nextStep,
        )
        .then((a) => {
          const next = entry.lesson.steps[entry.lesson.steps.findIndex((s) => s.id === id) + 1];
          if (a && next) void openStep(entry, next.id);
        });
    } else {
      void vscode.window
        .showWarningMessage(
          vscode.l10n.t(
            'Checks not passing yet ({0}): {1}',
            failed.length,
            failed.map((f) => f.reason ?? f.sentence).join('; '),
          ),
          openThisStep,
        )
        .then((a) => {
          if (a) void openStep(entry, id);
        });
    }
  });
  register(Commands.resetStep, vscode.l10n.t('reset the step'), async (arg) => {
    const { entry, stepId } = await resolveArgs(arg);
    if (stepId) progress.resetStep(entry.lesson.id, stepId);
  });
  register(Commands.resetLesson, vscode.l10n.t('reset the lesson'), async (arg) => {
    const { entry } = await resolveArgs(arg);
    const ok = await vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Reset your progress in “{0}”? Deployed resources stay; use Tear Down to delete them.',
        entry.lesson.title,
      ),
      { modal: true },
      vscode.l10n.t('Reset Progress'),
    );
    if (ok) progress.reset(entry.lesson.id);
  });
  register(Commands.teardownLesson, vscode.l10n.t('tear down the lesson'), async (arg) => {
    const { entry } = await resolveArgs(arg);
    const ok = await vscode.window.showWarningMessage(
      vscode.l10n.t('Delete everything “{0}” deployed on {1}?', entry.lesson.title, targets.describe()),
      { modal: true },
      vscode.l10n.t('Tear Down'),
    );
    if (ok) vscode.window.setStatusBarMessage(`$(trash) ${await controller.teardown(entry)}`, 5000);
  });
  register(Commands.runLesson, vscode.l10n.t('run the lesson'), async (arg) => {
    const { entry } = await resolveArgs(arg);
    const run = await controller.runLesson(entry);
    const passed = run.steps.filter((s) => s.passed).length;
    const summary = vscode.l10n.t(
      '“{0}”: {1} of {2} steps pass · estimated cost {3}',
      entry.lesson.title,
      passed,
      run.steps.length,
      formatUsd(run.cost.total),
    );
    if (run.passed) void vscode.window.showInformationMessage(summary);
    else void vscode.window.showWarningMessage(vscode.l10n.t('{0}. The Labs view shows which checks fail.', summary));
  });
  register(Commands.runLessonLink, vscode.l10n.t('follow the lesson link'), async (arg) => {
    const link = lessonLinkArg(arg);
    if (!link) throw new Error(vscode.l10n.t('This command needs a link: {0}.', '{ "href": "hoc:deploy" }'));
    const { entry, stepId } = await resolveArgs(arg);
    await controller.followLink(entry, needStep(entry, stepId)!, link.href);
  });

  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(Panels.stepGuide, {
      deserializeWebviewPanel: (panel, state) =>
        StepGuidePanel.revive(panel, state as StepGuideState | undefined, context.extensionUri, controller, catalog),
    }),
  );
  log().debug('labs registered');
  return { catalog, controller, progress, openLesson };
}
