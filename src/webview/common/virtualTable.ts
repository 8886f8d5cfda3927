// A keyboard-navigable table that renders only the rows in view, so 1,000 queue messages or
// 500 invocations scroll without lag. One focusable grid; the active row is announced through
// aria-activedescendant; arrows, Page Up/Down, Home/End move it; Enter activates it.
import { h } from './dom';

export interface Column<R> {
  title: string;
  /** CSS grid track, e.g. '8em' or 'minmax(10em, 1fr)'. */
  width: string;
  cell(row: R): Node | string;
  align?: 'end';
}

export interface VirtualTableOptions<R> {
  label: string;
  columns: Array<Column<R>>;
  rowKey(row: R): string;
  onActivate?(row: R): void;
  onSelect?(row: R): void;
  rowClass?(row: R): string | undefined;
  emptyText: string;
}

const ROW_HEIGHT = 26;
const OVERSCAN = 8;
let tableCount = 0;

export class VirtualTable<R> {
  readonly el: HTMLElement;
  private readonly body: HTMLElement;
  private readonly spacer: HTMLElement;
  private readonly empty: HTMLElement;
  private rows: R[] = [];
  private active = -1;
  private readonly idPrefix = `vt${++tableCount}-`;
  private frame = 0;

  constructor(private readonly options: VirtualTableOptions<R>) {
    const template = options.columns.map((c) => c.width).join(' ');
    const header = h(
      'div',
      { class: 'vt-row vt-header', role: 'row' },
      ...options.columns.map((c) =>
        h('div', { role: 'columnheader', class: c.align === 'end' ? 'vt-cell end' : 'vt-cell' }, c.title),
      ),
    );
    header.style.gridTemplateColumns = template;
    this.spacer = h('div', { class: 'vt-spacer' });
    this.body = h('div', { class: 'vt-body', role: 'rowgroup' });
    this.empty = h('p', { class: 'vt-empty' }, options.emptyText);
    this.el = h(
      'div',
      { class: 'vt', role: 'grid', tabindex: 0, 'aria-label': options.label, 'aria-rowcount': 0 },
      header,
      h('div', { class: 'vt-scroll' }, this.spacer, this.body),
      this.empty,
    );
    this.el.style.setProperty('--vt-columns', template);
    this.el.style.setProperty('--vt-row-height', `${ROW_HEIGHT}px`);
    this.scroller.addEventListener('scroll', () => this.schedule());
    this.el.addEventListener('keydown', (e) => this.onKey(e));
    new ResizeObserver(() => this.schedule()).observe(this.el);
  }

  private get scroller(): HTMLElement {
    return this.el.querySelector('.vt-scroll') as HTMLElement;
  }

  setRows(rows: R[], keepKey?: string): void {
    this.rows = rows;
    // Keep the same message/invocation active when the list refreshes under it.
    if (keepKey !== undefined) this.active = rows.findIndex((r) => this.options.rowKey(r) === keepKey);
    if (this.active >= rows.length) this.active = rows.length - 1;
    this.el.setAttribute('aria-rowcount', String(rows.length + 1));
    this.spacer.style.height = `${rows.length * ROW_HEIGHT}px`;
    this.empty.hidden = rows.length > 0;
    this.render();
  }

  get activeRow(): R | undefined {
    return this.rows[this.active];
  }

  select(key: string): void {
    const i = this.rows.findIndex((r) => this.options.rowKey(r) === key);
    if (i >= 0) this.moveTo(i);
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private render(): void {
    const scroller = this.scroller;
    const first = Math.max(0, Math.floor(scroller.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const visible = Math.ceil((scroller.clientHeight || 400) / ROW_HEIGHT) + 2 * OVERSCAN;
    const last = Math.min(this.rows.length, first + visible);
    const nodes: HTMLElement[] = [];
    for (let i = first; i < last; i++) nodes.push(this.renderRow(this.rows[i], i));
    this.body.style.transform = `translateY(${first * ROW_HEIGHT}px)`;
    this.body.replaceChildren(...nodes);
    if (this.active >= 0) this.el.setAttribute('aria-activedescendant', `${this.idPrefix}${this.active}`);
    else this.el.removeAttribute('aria-activedescendant');
  }

  private renderRow(row: R, index: number): HTMLElement {
    const extra = this.options.rowClass?.(row);
    const el = h(
      'div',
      {
        class: `vt-row${index === this.active ? ' active' : ''}${extra ? ` ${extra}` : ''}`,
        role: 'row',
        id: `${this.idPrefix}${index}`,
        'aria-rowindex': index + 2,
        'aria-selected': index === this.active ? 'true' : 'false',
      },
      ...this.options.columns.map((c) =>
        h('div', { role: 'gridcell', class: c.align === 'end' ? 'vt-cell end' : 'vt-cell' }, c.cell(row)),
      ),
    );
    el.addEventListener('click', () => this.moveTo(index));
    el.addEventListener('dblclick', () => this.options.onActivate?.(row));
    return el;
  }

  private moveTo(index: number): void {
    if (this.rows.length === 0) return;
    this.active = Math.max(0, Math.min(this.rows.length - 1, index));
    const scroller = this.scroller;
    const top = this.active * ROW_HEIGHT;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (top + ROW_HEIGHT > scroller.scrollTop + scroller.clientHeight)
      scroller.scrollTop = top + ROW_HEIGHT - scroller.clientHeight;
    this.render();
    this.options.onSelect?.(this.rows[this.active]);
  }

  private onKey(e: KeyboardEvent): void {
    const page = Math.max(1, Math.floor(this.scroller.clientHeight / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (e.key in moves) this.moveTo((this.active < 0 ? -1 : this.active) + moves[e.key]);
    else if (e.key === 'Home') this.moveTo(0);
    else if (e.key === 'End') this.moveTo(this.rows.length - 1);
    else if (e.key === 'Enter' && this.activeRow) this.options.onActivate?.(this.activeRow);
    else return;
    e.preventDefault();
  }
}
