// Host of the step guide: one panel beside the editor showing the current step — its
// instructions, action buttons, checks with their sentences, hint and solution, previous/next.
// Restored after a reload from the view's saved state (lesson folder + step id).
import * as vscode from 'vscode';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { actionChangesCloud, type LessonAction } from '../../shared/lessonTypes';
import {
  stepGuideParams,
  type GuideCheck,
  type GuideStep,
  type StepGuideEvent,
  type StepGuideMethods,
  type StepGuideState,
} from '../../shared/webviewProtocolStepGuide';
import { WebviewHost, type Handlers, type HostLog } from '../webviews/webviewHost';
import { webviewOptions } from '../webviews/shell';
import { Panels } from '../ids';
import { log } from '../log';
import type { CatalogLesson, LessonCatalog } from '../labs/lessonCatalog';
import type { LabController } from '../labs/labController';
import { describeCheck, type CheckOutcome } from '../labs/labEngine';
import { renderStepMarkdown, stripLeadingTitle } from './stepMarkdown';

const ACTION_ICONS: Record<LessonAction['type'], string> = {
  deploy: 'cloud-upload',
  invoke: 'play',
  sendMessage: 'mail',
  upload: 'cloud-upload',
  startExecution: 'debug-start',
  http: 'globe',
  runScript: 'terminal',
  sizingSweep: 'graph',
  open: 'go-to-file',
  reveal: 'eye',
};

/** One guide for every lesson: keyed by this. */
const ONLY = 'guide';
const hostLog = (): HostLog => ({ warn: (m) => log().warn(m), error: (m) => log().error(m) });

export class StepGuidePanel extends WebviewHost<StepGuideMethods, StepGuideEvent> {
  static readonly viewType = Panels.stepGuide;
  private static readonly open = new Map<string, StepGuidePanel>();
  private lastChecks = new Map<string, GuideCheck[]>();

  /** The open guide, if any (commands without a step act on its step). */
  static get current(): StepGuidePanel | undefined {
    return StepGuidePanel.open.get(ONLY);
  }

  static async createOrShow(
    extensionUri: vscode.Uri,
    labs: LabController,
    entry: CatalogLesson,
    stepId: string,
    catalog: LessonCatalog,
  ): Promise<StepGuidePanel> {
    const existing = StepGuidePanel.current;
    if (existing) {
      existing.panel.reveal(undefined, true);
      await existing.showStep(entry, stepId);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      StepGuidePanel.viewType,
      entry.lesson.title,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      StepGuidePanel.options(extensionUri, entry),
    );
    const host = new StepGuidePanel(panel, extensionUri, labs, catalog, entry, stepId);
    await host.showStep(entry, stepId);
    return host;
  }

  /** VS Code restored a guide after a reload: reopen the step its state names. */
  static async revive(
    panel: vscode.WebviewPanel,
    state: StepGuideState | undefined,
    extensionUri: vscode.Uri,
    labs: LabController,
    catalog: LessonCatalog,
  ): Promise<void> {
    const entry = state && typeof state.lessonDir === 'string' ? await catalog.find(state.lessonDir) : undefined;
    if (!entry || !state || !entry.lesson.steps.some((s) => s.id === state.stepId)) {
      panel.dispose();
      return;
    }
    panel.webview.options = StepGuidePanel.options(extensionUri, entry);
    const host = new StepGuidePanel(panel, extensionUri, labs, catalog, entry, state.stepId);
    await host.showStep(entry, state.stepId);
  }

  private static options(
    extensionUri: vscode.Uri,
    entry: CatalogLesson,
  ): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    const base = webviewOptions(extensionUri);
    // Step images load from the lesson folder; nothing else of the disk is reachable.
    return { ...base, localResourceRoots: [...(base.localResourceRoots ?? []), vscode.Uri.file(entry.dir)] };
  }

  private constructor(
    panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly labs: LabController,
    private readonly catalog: LessonCatalog,
    private entry: CatalogLesson,
    private stepId: string,
  ) {
    super(panel, stepGuideParams, hostLog());
    this.mount(extensionUri, { view: 'stepGuide', icon: 'lab' }, StepGuidePanel.open, ONLY);
    this.disposables.push(
      labs.progress.onDidChange(() => void this.push()),
      labs.onDidCheck(({ entry: e, stepId: s, outcomes }) => {
        if (e.lesson.id !== this.entry.lesson.id) return;
        this.lastChecks.set(s, this.toGuideChecks(s, outcomes));
        if (s === this.stepId) this.postEvent({ type: 'checks', checks: this.lastChecks.get(s)! });
      }),
      labs.targets.onDidChange(() => void this.push()),
      catalog.onDidChange(async () => {
        const fresh = await catalog.find(this.entry.dir);
        if (fresh) {
          this.entry = fresh;
          await this.push();
        }
      }),
    );
  }

  get lessonId(): string {
    return this.entry.lesson.id;
  }

  get currentStepId(): string {
    return this.stepId;
  }

  async showStep(entry: CatalogLesson, stepId: string): Promise<void> {
    this.entry = entry;
    this.stepId = stepId;
    this.panel.title = `${entry.lesson.title}`;
    await this.labs.progress.setActive({ lessonDir: entry.dir, stepId });
    await this.labs.progress.touch(entry.lesson.id, stepId);
    await this.push();
  }

  protected override onReady(): void {
    void this.push();
  }

  private toGuideChecks(stepId: string, outcomes?: CheckOutcome[]): GuideCheck[] {
    const step = this.labs.step(this.entry, stepId);
    return step.checks.map((c) => {
      const o = outcomes?.find((x) => x.id === c.id);
      return { id: c.id, sentence: o?.sentence ?? describeCheck(c), passed: o?.passed, reason: o?.reason };
    });
  }

  private async model(): Promise<GuideStep> {
    const { lesson } = this.entry;
    const index = lesson.steps.findIndex((s) => s.id === this.stepId);
    const step = lesson.steps[index];
    const mdPath = this.labs.stepMarkdownPath(this.entry, step);
    const markdown = await readFile(mdPath, 'utf8').catch(
      () => `*${vscode.l10n.t('The instructions file {0} is missing from this lesson.', `\`${step.instructions}\``)}*`,
    );
    const webview = this.panel.webview;
    const imageUrl = (rel: string) => {
      try {
        return webview
          .asWebviewUri(vscode.Uri.file(this.labs.lessonPath(this.entry, join(dirname(step.instructions), rel))))
          .toString();
      } catch {
        return undefined;
      }
    };
    return {
      lessonId: lesson.id,
      lessonDir: this.entry.dir,
      lessonTitle: lesson.title,
      stepId: step.id,
      index,
      count: lesson.steps.length,
      title: step.title,
      objectives: step.objectives,
      minutes: step.minutes,
      html: renderStepMarkdown(stripLeadingTitle(markdown), { imageUrl }),
      actions: step.actions.map((a) => ({
        id: a.id,
        label: a.title,
        icon: ACTION_ICONS[a.type],
        changesCloud: actionChangesCloud(a.type),
      })),
      checks: this.lastChecks.get(step.id) ?? this.toGuideChecks(step.id),
      hintHtml: step.hint ? renderStepMarkdown(step.hint, { imageUrl }) : undefined,
      solutionFiles: Object.keys(step.solution ?? {}),
      state: this.labs.progress.state(lesson.id, step.id),
      target: this.labs.targets.describe(),
    };
  }

  private async push(): Promise<void> {
    try {
      this.postEvent({ type: 'step', step: await this.model() });
    } catch (e) {
      log().warn(`step guide: ${(e as Error).message}`);
    }
  }

  private async navigate(to: 'previous' | 'next'): Promise<void> {
    const steps = this.entry.lesson.steps;
    const i = steps.findIndex((s) => s.id === this.stepId) + (to === 'next' ? 1 : -1);
    if (i >= 0 && i < steps.length) await this.showStep(this.entry, steps[i].id);
  }

  protected readonly handlers: Handlers<StepGuideMethods> = {
    link: async ({ href }) => {
      if (/^https?:/i.test(href)) {
        await vscode.env.openExternal(vscode.Uri.parse(href));
      } else if (href.startsWith('hoc:')) {
        const message = await this.labs.followLink(this.entry, this.stepId, href);
        if (message) vscode.window.setStatusBarMessage(message, 4000);
      } else if (href && !href.startsWith('#')) {
        await this.labs.openFile(
          this.entry,
          join(dirname(this.labs.step(this.entry, this.stepId).instructions), decodeURI(href)),
        );
      }
    },
    action: async ({ id }) => ({ summary: await this.labs.action(this.entry, this.stepId, id) }),
    deploy: async () => ({ summary: await this.labs.deploy(this.entry, this.stepId) }),
    check: async () => this.toGuideChecks(this.stepId, await this.labs.check(this.entry, this.stepId)),
    navigate: async ({ to }) => this.navigate(to),
    solution: async ({ file }) => void (await this.labs.showSolution(this.entry, this.stepId, file)),
  };
}
