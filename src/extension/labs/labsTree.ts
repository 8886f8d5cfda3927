// Labs view: lessons → steps. Each step shows its state by its icon alone (a checkbox beside it
// said the same twice and took the title's room); the title is the whole label, with the full
// title, state and any failing checks in the tooltip. The view's badge counts steps left.
import * as vscode from 'vscode';
import type { LessonStep, StepState } from '../../shared/lessonTypes';
import { Commands, ItemKinds } from '../ids';
import type { CatalogLesson, LessonCatalog } from './lessonCatalog';
import type { EditorProgress } from './progressStore';
import { stepRow } from '../treeLabels';
import { prerequisiteTitles } from '../../lab/course';

export type LabNode =
  { kind: 'lesson'; entry: CatalogLesson } | { kind: 'step'; entry: CatalogLesson; step: LessonStep; index: number };

const STATE_ICONS: Record<StepState, vscode.ThemeIcon> = {
  notStarted: new vscode.ThemeIcon('circle-large-outline'),
  inProgress: new vscode.ThemeIcon('circle-large-filled', new vscode.ThemeColor('charts.blue')),
  done: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
  checkFailed: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
};
const stateText = (s: StepState): string =>
  ({
    notStarted: vscode.l10n.t('not started'),
    inProgress: vscode.l10n.t('in progress'),
    done: vscode.l10n.t('done'),
    checkFailed: vscode.l10n.t('check failed'),
  })[s];

export class LabsTreeProvider implements vscode.TreeDataProvider<LabNode> {
  private readonly changed = new vscode.EventEmitter<LabNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** Nodes are rebuilt on every refresh; keep them stable so reveal() and selection work. */
  private readonly nodes = new Map<string, LabNode>();

  constructor(
    private readonly catalog: LessonCatalog,
    private readonly progress: EditorProgress,
  ) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  private node(key: string, make: () => LabNode): LabNode {
    const existing = this.nodes.get(key);
    const fresh = make();
    if (existing) return Object.assign(existing, fresh);
    this.nodes.set(key, fresh);
    return fresh;
  }

  /** Titles of the lessons shown, for naming prerequisites. */
  private lessonTitles(): Array<{ dir: string; title: string }> {
    return [...this.nodes.values()]
      .filter((n) => n.kind === 'lesson')
      .map((n) => ({ dir: n.entry.dir, title: n.entry.lesson.title }));
  }

  lessonNode(entry: CatalogLesson): LabNode {
    return this.node(entry.lesson.id, () => ({ kind: 'lesson', entry }));
  }

  stepNode(entry: CatalogLesson, stepId: string): LabNode | undefined {
    const index = entry.lesson.steps.findIndex((s) => s.id === stepId);
    if (index < 0) return undefined;
    return this.node(`${entry.lesson.id}/${stepId}`, () => ({
      kind: 'step',
      entry,
      step: entry.lesson.steps[index],
      index,
    }));
  }

  async getChildren(parent?: LabNode): Promise<LabNode[]> {
    if (!parent) return (await this.catalog.all()).map((e) => this.lessonNode(e));
    if (parent.kind === 'lesson') return parent.entry.lesson.steps.map((s) => this.stepNode(parent.entry, s.id)!);
    return [];
  }

  getParent(node: LabNode): LabNode | undefined {
    return node.kind === 'step' ? this.lessonNode(node.entry) : undefined;
  }

  getTreeItem(node: LabNode): vscode.TreeItem {
    const { lesson } = node.entry;
    if (node.kind === 'lesson') {
      const left = this.progress.stepsLeft(
        lesson.id,
        lesson.steps.map((s) => s.id),
      );
      const done = lesson.steps.length - left;
      const item = new vscode.TreeItem(lesson.title, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `lesson:${lesson.id}`;
      item.contextValue = ItemKinds.lesson;
      const place = node.entry.place;
      const after = place ? prerequisiteTitles(place, this.lessonTitles()) : [];
      item.description = `${done}/${lesson.steps.length}${node.entry.bundled ? ` · ${vscode.l10n.t('built in')}` : ''}${after.length ? ` · ${vscode.l10n.t('after {0}', after.join(', '))}` : ''}`;
      const inCourse = place
        ? `${after.length ? vscode.l10n.t('Lesson {0} of *{1}*; take it after {2}.', place.position, place.course, after.join(', ')) : vscode.l10n.t('Lesson {0} of *{1}*.', place.position, place.course)}\n\n`
        : '';
      item.tooltip = new vscode.MarkdownString(
        `**${lesson.title}**\n\n${inCourse}${lesson.summary}\n\n${vscode.l10n.t('{0} of {1} steps done', done, lesson.steps.length)} · \`${node.entry.dir}\``,
      );
      item.iconPath = new vscode.ThemeIcon(left === 0 ? 'mortar-board' : 'book');
      return item;
    }
    const state = this.progress.state(lesson.id, node.step.id);
    const row = stepRow(node.index, node.step.title);
    const item = new vscode.TreeItem(row.label, vscode.TreeItemCollapsibleState.None);
    item.description = row.description;
    item.id = `step:${lesson.id}/${node.step.id}`;
    item.contextValue = ItemKinds.step;
    item.iconPath = STATE_ICONS[state];
    const failures = this.progress.get(lesson.id, node.step.id).failures;
    item.tooltip = new vscode.MarkdownString(
      `**${node.step.title}** — ${stateText(state)}${failures?.length ? `\n\n${failures.map((f) => `- ${f}`).join('\n')}` : ''}`,
    );
    item.command = { command: Commands.openStep, title: vscode.l10n.t('Open Step'), arguments: [node] };
    item.accessibilityInformation = {
      label: vscode.l10n.t('Step {0}, {1}, {2}', node.index + 1, node.step.title, stateText(state)),
    };
    return item;
  }
}
