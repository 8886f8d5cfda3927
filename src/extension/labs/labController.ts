// What a student can do with a lesson — open a step, deploy, run an action or the checks,
// reset, tear down, follow a command link — each under withProgress (cancellable), with the
// outcome recorded in the progress store. The tree, the step guide and command links share it.
import * as vscode from 'vscode';
import { basename, join, resolve, relative, isAbsolute } from 'node:path';
import { readFile } from 'node:fs/promises';
import type { LessonStep } from '../../shared/lessonTypes';
import { parseLessonLink, type LessonLink } from '../../shared/lessonLinks';
import { Commands, Views } from '../ids';
import type { ResourceViews } from '../webviews/resourceViews';
import { log } from '../log';
import { errorText } from '../notify';
import type { TargetManager } from '../targets/targetManager';
import type { CatalogLesson } from './lessonCatalog';
import type { EditorProgress } from './progressStore';
import { emptyUsage, recordChecks, type LessonRun, type Usage } from '../../lab';
import { invokeResultView, type InvocationDisplay } from '../invoke/invokeResultView';
import {
  checkOutcome,
  deployedView,
  deployStep,
  type DeployedView,
  invokeInLesson,
  runStepAction,
  runStepChecks,
  runWholeLesson,
  teardownLesson,
  type CheckOutcome,
  type EngineRun,
} from './labEngine';
import { planReveal, revealTarget, plannedNeedsState } from './revealPlan';
import { pickDeployedResource } from '../webviews/resourcePicker';
import { machineOfExecution } from '../webviews/graph/graphData';

const prebuiltCopies = (entry: CatalogLesson): string[] => (entry.bundledCopy ? [entry.bundledCopy] : []);

export class LabController {
  private readonly checked = new vscode.EventEmitter<{
    entry: CatalogLesson;
    stepId: string;
    outcomes: CheckOutcome[];
  }>();
  /** Fires after every check run, so an open step guide shows the sentences. */
  readonly onDidCheck = this.checked.event;

  /** Per lesson folder: logical IDs the student's actions used, most recent first. */
  private readonly recent = new Map<string, string[]>();
  /** Per lesson folder and state machine: the execution an action last started. */
  private readonly executions = new Map<string, string>();
  /** Per lesson folder and target: the engine's usage tally, so the lesson's cost counts every invoke. */
  private readonly tallies = new Map<string, Usage>();

  constructor(
    readonly progress: EditorProgress,
    readonly targets: TargetManager,
    private readonly views: ResourceViews,
    private readonly invocations: InvocationDisplay,
  ) {}

  private usage(entry: CatalogLesson, targetKind: string): Usage {
    const key = `${entry.dir}#${targetKind}`;
    let tally = this.tallies.get(key);
    if (!tally) this.tallies.set(key, (tally = emptyUsage()));
    return tally;
  }

  step(entry: CatalogLesson, stepId: string): LessonStep {
    const step = entry.lesson.steps.find((s) => s.id === stepId);
    if (!step)
      throw new Error(
        vscode.l10n.t(
          "Lesson {0} has no step '{1}'. Check lesson.yaml (run {2}).",
          entry.lesson.id,
          stepId,
          '`hoc lab validate`',
        ),
      );
    return step;
  }

  /** A lesson-relative path, refusing paths that leave the lesson folder. */
  lessonPath(entry: CatalogLesson, relativePath: string): string {
    const full = resolve(entry.dir, relativePath);
    const rel = relative(entry.dir, full);
    if (rel.startsWith('..') || isAbsolute(rel))
      throw new Error(vscode.l10n.t("'{0}' is outside the lesson folder.", relativePath));
    return full;
  }

  /** Runs engine work for a step under a cancellable notification. */
  private async withRun<T>(title: string, entry: CatalogLesson, work: (run: EngineRun) => Promise<T>): Promise<T> {
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        const sub = token.onCancellationRequested(() => controller.abort());
        try {
          progress.report({ message: `connecting to ${this.targets.describe()}…` });
          const target = await this.targets.resolve();
          const run: EngineRun = {
            dir: entry.dir,
            lesson: entry.lesson,
            target,
            report: (message) => {
              log().info(`${entry.lesson.id}: ${message}`);
              progress.report({ message });
            },
            output: (text) => log().info(`${entry.lesson.id}: ${text.trimEnd()}`),
            signal: controller.signal,
            usage: this.usage(entry, target.kind),
            prebuiltCopies: prebuiltCopies(entry),
          };
          const result = await work(run);
          if (token.isCancellationRequested) throw new vscode.CancellationError();
          return result;
        } finally {
          sub.dispose();
        }
      },
    );
  }

  async deploy(entry: CatalogLesson, stepId: string): Promise<string> {
    const step = this.step(entry, stepId);
    this.progress.touch(entry.lesson.id, stepId);
    const summary = await this.withRun(vscode.l10n.t('Deploying “{0}”', step.title), entry, (run) =>
      deployStep(run, stepId),
    );
    log().info(`deployed ${entry.lesson.id}/${stepId}: ${summary}`);
    this.targets.notifyResourcesChanged();
    return summary;
  }

  async action(entry: CatalogLesson, stepId: string, actionId: string): Promise<string> {
    const step = this.step(entry, stepId);
    const action = step.actions.find((a) => a.id === actionId);
    if (!action) throw new Error(vscode.l10n.t("Step {0} has no action '{1}'.", stepId, actionId));
    this.progress.touch(entry.lesson.id, stepId);
    if (action.type === 'open') return this.openFile(entry, action.file, action.line, action.match);
    if (action.type === 'reveal')
      return this.reveal(entry, stepId, { kind: 'reveal', view: action.view, resource: action.resource });
    if (action.type === 'deploy') return this.deploy(entry, stepId);
    const eventName = action.type === 'invoke' && action.event ? basename(action.event, '.json') : 'lesson event';
    if (action.type === 'invoke') this.invocations.running(action.function, eventName);
    const outcome = await this.withRun(action.title ?? vscode.l10n.t('Running {0}', action.type), entry, (run) =>
      runStepAction(run, stepId, actionId),
    ).catch((e: unknown) => {
      if (action.type === 'invoke') this.invocations.failed(action.function, errorText(e));
      throw e;
    });
    const used =
      action.type === 'sizingSweep'
        ? action.function
        : action.type === 'startExecution'
          ? action.stateMachine
          : action.type === 'sendMessage'
            ? action.queue
            : undefined;
    if (used) this.used(entry, used, outcome.outcome?.kind === 'execution' ? outcome.outcome.executionArn : undefined);
    if (outcome.outcome?.kind === 'invoked' && action.type === 'invoke') {
      // The engine invoked (and tallied) it; the result view shows payload, logs and REPORT metrics.
      this.used(entry, action.function);
      const target = await this.targets.resolve();
      const view = invokeResultView(outcome.outcome, outcome.outcome.function, eventName, target.label);
      this.invocations.show(
        view,
        () => this.action(entry, stepId, actionId),
        action.event ? this.lessonPath(entry, action.event) : undefined,
      );
    }
    if (outcome.outcome?.kind === 'execution') {
      // Beside the step guide, so the action's result line stays in view.
      const { executionArn } = outcome.outcome;
      void this.views
        .open({ kind: 'stateMachine', ref: machineOfExecution(executionArn), executionArn }, 'beside')
        .catch((e: unknown) => log().warn(`graph of ${executionArn}: ${(e as Error).message}`));
    }
    this.targets.notifyResourcesChanged();
    return outcome.summary;
  }

  /** Runs the step's checks; all passing marks the step done, any failing records the reasons. */
  async check(entry: CatalogLesson, stepId: string): Promise<CheckOutcome[]> {
    const step = this.step(entry, stepId);
    const results = await this.withRun(vscode.l10n.t('Checking “{0}”', step.title), entry, (run) =>
      runStepChecks(run, stepId),
    );
    recordChecks(this.progress, entry.lesson.id, stepId, results);
    const outcomes = results.map(checkOutcome);
    this.checked.fire({ entry, stepId, outcomes });
    return outcomes;
  }

  /** Every step as `hoc lab run` runs it (deploys, actions, checks with settle retries, progress). */
  async runLesson(entry: CatalogLesson): Promise<LessonRun> {
    const result = await this.withRun(vscode.l10n.t('Running “{0}”', entry.lesson.title), entry, (run) =>
      runWholeLesson(run, this.progress, {
        onStepStart: (step, i, n) => run.report(`step ${i}/${n}: ${step.title}`),
        onAction: (step, r) => log().info(`${entry.lesson.id}/${step.id}: ${r.ok ? '' : 'FAILED '}${r.summary}`),
        onStepEnd: (r) => this.checked.fire({ entry, stepId: r.step.id, outcomes: r.checks.map(checkOutcome) }),
      }),
    );
    this.targets.notifyResourcesChanged();
    return result;
  }

  /** Invokes a lesson's function with an event, tallied in the lesson's usage like an invoke action. */
  async invoke(entry: CatalogLesson, functionName: string, event: unknown, signal?: AbortSignal) {
    const target = await this.targets.resolve();
    const controller = new AbortController();
    signal?.addEventListener('abort', () => controller.abort());
    const run: EngineRun = {
      dir: entry.dir,
      lesson: entry.lesson,
      target,
      report: () => undefined,
      output: () => undefined,
      signal: controller.signal,
      usage: this.usage(entry, target.kind),
      prebuiltCopies: prebuiltCopies(entry),
    };
    return { invocation: await invokeInLesson(run, functionName, event), target };
  }

  async teardown(entry: CatalogLesson): Promise<string> {
    const summary = await this.withRun(vscode.l10n.t('Tearing down “{0}”', entry.lesson.title), entry, (run) =>
      teardownLesson(run),
    );
    this.targets.notifyResourcesChanged();
    return summary;
  }

  async openFile(entry: CatalogLesson, file: string, line?: number, match?: string): Promise<string> {
    const uri = vscode.Uri.file(this.lessonPath(entry, file));
    const doc = await vscode.workspace.openTextDocument(uri);
    let position = new vscode.Position(Math.max(0, (line ?? 1) - 1), 0);
    if (match) {
      const m = new RegExp(match, 'm').exec(doc.getText());
      if (m) position = doc.positionAt(m.index);
    }
    await vscode.window.showTextDocument(doc, {
      selection: new vscode.Range(position, position),
      viewColumn: vscode.ViewColumn.One,
      preview: false,
    });
    return vscode.l10n.t('Opened {0}', file);
  }

  /** Remembers what a student's action used, so lesson-wide links open the latest one. */
  private used(entry: CatalogLesson, logicalId: string, executionArn?: string): void {
    const list = this.recent.get(entry.dir) ?? [];
    this.recent.set(entry.dir, [logicalId, ...list.filter((id) => id !== logicalId)].slice(0, 20));
    if (executionArn) this.executions.set(`${entry.dir}#${logicalId}`, executionArn);
  }

  /**
   * Shows what a `hoc:reveal` link names: a plain view, or a resource's own view (queue
   * messages, function metrics and cost, state machine graph) on the step's resource as
   * deployed on the current target — resolved here, so the student never types a name.
   */
  async reveal(entry: CatalogLesson, stepId: string, link: Extract<LessonLink, { kind: 'reveal' }>): Promise<string> {
    const template = entry.template;
    // The recorded deployment, read once and only when the link needs it (a plain view does not
    // start the local cloud).
    let recorded: DeployedView | undefined;
    const deployment = async () => (recorded ??= deployedView(entry.dir, await this.targets.resolve()));
    const plan = planReveal(link, {
      steps: entry.lesson.steps,
      stepId,
      typeOf: (id) => template?.authored[id] ?? template?.resources[id]?.type,
      templateIds: Object.keys(template?.authored ?? {}),
      recent: this.recent.get(entry.dir),
      deployed: plannedNeedsState(link) ? (await deployment()).deployed : undefined,
    });
    switch (plan.kind) {
      case 'view': {
        // The views' own focus commands (VS Code's); the log is ours to show.
        if (plan.view === 'logs') log().show(true);
        else await vscode.commands.executeCommand(`${plan.view === 'lesson' ? Views.labs : Views.resources}.focus`);
        return vscode.l10n.t('Showing {0}', plan.view);
      }
      case 'tree':
        await vscode.commands.executeCommand(`${Views.resources}.focus`);
        return vscode.l10n.t('Showing {0} in Resources', plan.logicalId);
      case 'none':
        // Nothing in the lesson fits: offer what is deployed on the target.
        log().info(`${entry.lesson.id}/${stepId}: ${plan.reason}`);
        const picked = await pickDeployedResource(this.targets, plan.view === 'graph' ? 'stateMachine' : 'function');
        if (picked) await this.views.open(picked, 'beside');
        return plan.reason;
      case 'resource': {
        const state = await deployment();
        const ref = state.refOf(plan.logicalId);
        const target = revealTarget(plan, ref, this.executions.get(`${entry.dir}#${plan.logicalId}`));
        // The record may be missing while the resource exists (names are fixed): the view says if it does not.
        if (!state.isDeployed(plan.logicalId))
          log().info(
            `${plan.logicalId} is not recorded as deployed on ${this.targets.describe()}; opening ${ref} anyway`,
          );
        await this.views.open(target, 'beside');
        return vscode.l10n.t('Showing {0}', plan.logicalId);
      }
    }
  }

  /** Follows a `hoc:` link from step markdown (or any command link carrying one). */
  async followLink(entry: CatalogLesson, stepId: string, href: string): Promise<string | undefined> {
    const parsed = parseLessonLink(href);
    if (!parsed.ok)
      throw new Error(
        vscode.l10n.t('This lesson has a broken link: {0}. Run {1} on it.', parsed.error, '`hoc lab validate`'),
      );
    const link = parsed.link;
    const target = 'step' in link && link.step ? link.step : stepId;
    switch (link.kind) {
      case 'deploy':
        return this.deploy(entry, target);
      case 'action':
        return this.action(entry, target, link.id);
      case 'check': {
        const outcomes = await this.check(entry, target);
        return `${outcomes.filter((o) => o.passed).length}/${outcomes.length} checks pass`;
      }
      case 'open':
        return this.openFile(entry, link.file, link.line, link.match);
      case 'reveal':
        return this.reveal(entry, target, link);
      case 'terminal':
        return this.runInTerminal(link.cmd, entry.dir);
      case 'hint':
        return undefined; // the view reveals the hint itself
      case 'solution':
        return this.showSolution(entry, target, link.file);
    }
  }

  runInTerminal(cmd: string, cwd: string): string {
    const name = 'Hands-on Cloud';
    const terminal =
      vscode.window.terminals.find((t) => t.name === name) ?? vscode.window.createTerminal({ name, cwd });
    terminal.show();
    terminal.sendText(cmd);
    return vscode.l10n.t('Running {0} in the terminal', `\`${cmd}\``);
  }

  /** Opens a diff: the student's file (left) against the solution (right). */
  async showSolution(entry: CatalogLesson, stepId: string, file?: string): Promise<string> {
    const solution = this.step(entry, stepId).solution ?? {};
    const files = file ? [file] : Object.keys(solution);
    if (files.length === 0) throw new Error(vscode.l10n.t('This step has no solution files.'));
    for (const f of files) {
      const answer = solution[f];
      if (!answer) throw new Error(vscode.l10n.t('Step {0} has no solution for {1}.', stepId, f));
      const left = vscode.Uri.file(this.lessonPath(entry, f));
      const right = vscode.Uri.file(this.lessonPath(entry, answer));
      await readFile(right.fsPath).catch(() => {
        throw new Error(vscode.l10n.t('The solution file {0} is missing from the lesson.', answer));
      });
      await vscode.commands.executeCommand('vscode.diff', left, right, `${f} ↔ solution`);
    }
    return vscode.l10n.t('Showing the solution of {0}', files.join(', '));
  }

  /** The step's markdown in the display language when the lesson has it (relative links stay the English file's). */
  stepMarkdownPath(entry: CatalogLesson, step: LessonStep): string {
    return join(entry.dir, step.localizedInstructions ?? step.instructions);
  }

  dispose(): void {
    this.checked.dispose();
  }
}
