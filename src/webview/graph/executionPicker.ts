// Execution selector and the Start execution form (input JSON, optional name).
import { h, icon } from '../common/dom';
import { t } from '../common/l10n';
import { time } from '../common/format';
import type { ExecutionDetail, ExecutionSummary } from '../../shared/webviewProtocolGraph';

type Field = HTMLElement & { value: string };

export interface PickerActions {
  select(executionArn: string): void;
  refresh(): void;
  start(input: string, name?: string): void;
  inputChanged(input: string): void;
}

export class ExecutionPicker {
  readonly el: HTMLElement;
  private readonly select = h('vscode-single-select', {
    'aria-label': t('Execution'),
    class: 'execution-select',
  }) as Field;
  private readonly input = h('vscode-textarea', {
    'aria-label': t('Execution input (JSON)'),
    rows: 4,
    resize: 'vertical',
    class: 'input-json',
  }) as Field;
  private readonly name = h('vscode-textfield', {
    'aria-label': t('Execution name (optional)'),
    placeholder: t('name (optional)'),
  }) as Field;
  private readonly current = h('span', { class: 'execution-status', 'aria-live': 'polite' });
  private setting = false;

  constructor(
    initialInput: string,
    private readonly actions: PickerActions,
  ) {
    this.input.value = initialInput;
    this.select.addEventListener('change', () => {
      if (!this.setting && this.select.value) actions.select(this.select.value);
    });
    this.input.addEventListener('input', () => actions.inputChanged(this.input.value));
    const refresh = h(
      'vscode-button',
      { secondary: true, 'aria-label': t('Refresh executions'), title: t('Refresh executions') },
      icon('refresh'),
    );
    refresh.addEventListener('click', () => actions.refresh());
    const start = h('vscode-button', {}, icon('play'), ` ${t('Start execution')}`);
    start.addEventListener('click', () => this.submit());
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) this.submit();
    });
    this.el = h(
      'div',
      { class: 'picker' },
      h(
        'div',
        { class: 'row' },
        h('label', { class: 'field grow' }, h('span', {}, t('Execution')), this.select),
        refresh,
        this.current,
      ),
      h(
        'vscode-collapsible',
        { title: t('Start an execution') },
        h(
          'div',
          { class: 'form' },
          h('label', { class: 'field' }, h('span', {}, t('Input (JSON) — Ctrl+Enter starts')), this.input),
          h('div', { class: 'row' }, this.name, start),
        ),
      ),
    );
  }

  private submit(): void {
    this.actions.start(this.input.value, this.name.value.trim() || undefined);
  }

  setExecutions(list: ExecutionSummary[], selected?: string): void {
    this.setting = true;
    const options = list.map((e) =>
      h(
        'vscode-option',
        { value: e.executionArn, description: e.status },
        `${statusGlyph(e.status)} ${e.name} · ${time(e.startDate)} · ${e.status}`,
      ),
    );
    if (!options.length) options.push(h('vscode-option', { value: '' }, t('No executions yet')));
    this.select.replaceChildren(...options);
    if (selected) queueMicrotask(() => ((this.select.value = selected), (this.setting = false)));
    else this.setting = false;
  }

  showSelected(e: ExecutionDetail): void {
    this.setting = true;
    queueMicrotask(() => ((this.select.value = e.executionArn), (this.setting = false)));
    this.current.replaceChildren(
      icon(e.status === 'RUNNING' ? 'loading codicon-modifier-spin' : e.status === 'SUCCEEDED' ? 'pass' : 'error'),
      ` ${e.status}`,
    );
  }
}

function statusGlyph(status: string): string {
  return status === 'SUCCEEDED' ? '✓' : status === 'RUNNING' ? '…' : '✗';
}
