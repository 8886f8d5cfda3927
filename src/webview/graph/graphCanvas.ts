// Draws a laid-out state machine as SVG, with pan (drag), zoom (wheel, +/-), fit (0) and
// keyboard selection (arrows move between states spatially, Enter/Space select). Status
// colours change by class only: live updates never re-layout.
import { svg } from '../common/dom';
import { nearestInDirection, selectables, type Rect, type Scene } from './scene';
import { STATUS_TEXT, statusOf, type ExecutionView } from './stateDetails';

/** A glyph per status, so status never rests on colour or a thin outline alone. */
const STATUS_GLYPH: Record<string, string> = { succeeded: '✓', failed: '✗', aborted: '✗', running: '⟳', caught: '!' };
/** Room kept around the machine when it is fitted (box outlines and titles are not cut). */
const FIT_MARGIN = 16;
const MIN_ZOOM = 0.1;
const MAX_ZOOM = 2.5;
/** Below this, 13 px labels are too small to read. */
const READABLE_ZOOM = 0.6;

export class GraphCanvas {
  readonly el: SVGSVGElement;
  private readonly viewport: SVGGElement;
  private scene: Scene | undefined;
  private items: ReturnType<typeof selectables> = [];
  private readonly stateEls = new Map<string, SVGGElement>();
  private zoom = 1;
  private tx = 0;
  private ty = 0;
  private focused: string | undefined;

  constructor(private readonly onSelect: (id: string) => void) {
    this.viewport = svg('g', { class: 'viewport' });
    const arrow = svg(
      'marker',
      {
        id: 'arrow',
        viewBox: '0 0 10 10',
        refX: 10,
        refY: 5,
        markerWidth: 7,
        markerHeight: 7,
        orient: 'auto-start-reverse',
      },
      svg('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrowhead' }),
    );
    this.el = svg(
      'svg',
      {
        class: 'graph',
        role: 'application',
        tabindex: 0,
        'aria-roledescription': 'state machine graph',
        'aria-label':
          'State machine graph. Arrow keys move between states, Enter selects, plus and minus zoom, 0 fits.',
      },
      svg('defs', {}, arrow),
      this.viewport,
    );
    this.el.addEventListener('keydown', (e) => this.onKey(e));
    this.el.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
    this.enableDrag();
  }

  render(scene: Scene): void {
    this.scene = scene;
    this.items = selectables(scene);
    this.stateEls.clear();
    const layers: SVGElement[] = [];
    for (const b of [...scene.boxes].sort((a, c) => a.depth - c.depth)) {
      const g = svg(
        'g',
        { class: `box box-${b.role}` },
        svg('rect', { x: b.x, y: b.y, width: b.width, height: b.height, rx: 6 }),
        svg('text', { x: b.x + (b.node ? 22 : 10), y: b.y + 17, class: 'box-title' }, b.label),
      );
      if (b.node) this.makeSelectable(g, b.node.id, b.node.kind, b.node.label);
      layers.push(g);
    }
    for (const e of scene.edges) {
      const d = e.points.map((p, i) => `${i ? 'L' : 'M'}${p.x},${p.y}`).join(' ');
      layers.push(svg('path', { d, class: `edge edge-${e.edge.kind}`, 'marker-end': 'url(#arrow)' }));
      if (e.label)
        layers.push(
          svg('text', { x: e.label.x, y: e.label.y + 11, class: `edge-label edge-${e.edge.kind}` }, e.label.text),
        );
    }
    for (const st of scene.stubs) {
      const stub = svg(
        'g',
        { class: 'stub', role: 'link', 'aria-label': `catch: go to ${st.targetLabel}` },
        svg('path', { d: `M${st.x - 10},${st.y} l0,8 l8,0`, class: 'edge edge-catch', 'marker-end': 'url(#arrow)' }),
        svg('text', { x: st.x, y: st.y + 12, class: 'edge-label edge-catch' }, `catch → ${st.targetLabel}`),
      );
      stub.addEventListener('click', (e) => {
        e.stopPropagation();
        this.focusState(st.edge.target);
        this.onSelect(st.edge.target);
      });
      layers.push(stub);
    }
    for (const n of scene.nodes) {
      const marker = n.node.kind === 'Start' || n.node.kind === 'End';
      const g = svg(
        'g',
        { class: `state kind-${n.node.kind}${marker ? ' marker' : ''}` },
        svg('rect', { x: n.x, y: n.y, width: n.width, height: n.height, rx: marker ? n.height / 2 : 4 }),
      );
      const cx = n.x + n.width / 2;
      g.append(
        svg(
          'text',
          { x: cx, y: n.y + (n.node.detail ? 20 : n.height / 2 + 5), class: 'state-title' },
          clip(n.node.label, n.width),
        ),
      );
      if (n.node.detail)
        g.append(svg('text', { x: cx, y: n.y + 38, class: 'state-detail' }, clip(n.node.detail, n.width)));
      if (n.node.retries) g.append(svg('text', { x: n.x + n.width - 12, y: n.y + 13, class: 'retry-badge' }, '↻'));
      if (!marker) this.makeSelectable(g, n.node.id, n.node.kind, n.node.label);
      layers.push(g);
    }
    this.viewport.replaceChildren(...layers);
  }

  private makeSelectable(g: SVGGElement, id: string, kind: string, label: string): void {
    g.setAttribute('data-state-id', id);
    g.setAttribute('role', 'button');
    g.setAttribute('id', `state-${this.stateEls.size}`);
    g.dataset.label = `${kind} state ${label}`;
    g.setAttribute('aria-label', g.dataset.label);
    g.classList.add('selectable', 'status-notReached');
    // The status glyph sits in the top-left corner of the state's (or box's) rectangle.
    const rect = g.querySelector('rect');
    if (rect)
      g.append(
        svg('text', {
          x: Number(rect.getAttribute('x')) + 6,
          y: Number(rect.getAttribute('y')) + 14,
          class: 'status-glyph',
          'aria-hidden': 'true',
        }),
      );
    g.addEventListener('click', (e) => {
      e.stopPropagation();
      this.focusState(id);
      this.onSelect(id);
    });
    this.stateEls.set(id, g);
  }

  /** Colours every state from an execution (or none: all not reached): fill, outline and a glyph. */
  setStatuses(view: ExecutionView | undefined): void {
    for (const [id, g] of this.stateEls) {
      const status = statusOf(view, id);
      g.setAttribute('class', g.getAttribute('class')!.replace(/status-\w+/, `status-${status}`));
      const glyph = g.querySelector('.status-glyph');
      if (glyph) glyph.textContent = STATUS_GLYPH[status] ?? '';
      g.setAttribute('aria-label', `${g.dataset.label}: ${STATUS_TEXT[status]}`);
    }
  }

  /** Marks one state as selected (visual + aria) and keeps it in view. */
  focusState(id: string | undefined): void {
    if (this.focused) this.stateEls.get(this.focused)?.classList.remove('selected');
    this.focused = id;
    const g = id ? this.stateEls.get(id) : undefined;
    if (!g) return;
    g.classList.add('selected');
    this.el.setAttribute('aria-activedescendant', g.id);
    const item = this.items.find((i) => i.id === id);
    if (item) this.ensureVisible(item.rect);
  }

  fit(): void {
    if (!this.scene) return;
    const w = this.el.clientWidth || 800;
    const h = this.el.clientHeight || 600;
    this.zoom = clamp(
      Math.min((w - 2 * FIT_MARGIN) / this.scene.width, (h - 2 * FIT_MARGIN) / this.scene.height, 1.2),
      MIN_ZOOM,
      MAX_ZOOM,
    );
    this.tx = (w - this.scene.width * this.zoom) / 2;
    this.ty = Math.max(FIT_MARGIN, (h - this.scene.height * this.zoom) / 2);
    this.apply();
  }

  /**
   * The first view of a machine: all of it when that stays readable, else full width at a
   * readable zoom from the top (a 200-state machine fitted whole is a smudge; Fit shows it).
   */
  fitReadable(): void {
    if (!this.scene) return;
    const w = this.el.clientWidth || 800;
    const h = this.el.clientHeight || 600;
    const whole = Math.min((w - 2 * FIT_MARGIN) / this.scene.width, (h - 2 * FIT_MARGIN) / this.scene.height, 1.2);
    if (whole >= READABLE_ZOOM) return this.fit();
    this.zoom = clamp(Math.min(1, (w - 2 * FIT_MARGIN) / this.scene.width), READABLE_ZOOM, MAX_ZOOM);
    this.tx = Math.max(FIT_MARGIN, (w - this.scene.width * this.zoom) / 2);
    this.ty = FIT_MARGIN;
    this.apply();
  }

  /** Brings a state into view without changing the selection (e.g. the running one). */
  reveal(id: string): void {
    const item = this.items.find((i) => i.id === id);
    if (item) this.ensureVisible(item.rect);
  }

  zoomBy(factor: number, cx = (this.el.clientWidth || 800) / 2, cy = (this.el.clientHeight || 600) / 2): void {
    const next = clamp(this.zoom * factor, MIN_ZOOM, MAX_ZOOM);
    // Keep the point under the cursor where it is.
    this.tx = cx - ((cx - this.tx) * next) / this.zoom;
    this.ty = cy - ((cy - this.ty) * next) / this.zoom;
    this.zoom = next;
    this.apply();
  }

  private ensureVisible(r: Rect): void {
    const w = this.el.clientWidth || 800;
    const h = this.el.clientHeight || 600;
    const x = r.x * this.zoom + this.tx;
    const y = r.y * this.zoom + this.ty;
    const margin = 24;
    if (x < margin || x + r.width * this.zoom > w - margin) this.tx = w / 2 - (r.x + r.width / 2) * this.zoom;
    if (y < margin || y + r.height * this.zoom > h - margin) this.ty = h / 2 - (r.y + r.height / 2) * this.zoom;
    this.apply();
  }

  private apply(): void {
    this.viewport.setAttribute(
      'transform',
      `translate(${this.tx.toFixed(1)},${this.ty.toFixed(1)}) scale(${this.zoom.toFixed(4)})`,
    );
  }

  private onWheel(e: WheelEvent): void {
    e.preventDefault();
    const box = this.el.getBoundingClientRect();
    this.zoomBy(Math.exp(-e.deltaY * 0.0015), e.clientX - box.left, e.clientY - box.top);
  }

  private enableDrag(): void {
    let start: { x: number; y: number; tx: number; ty: number } | undefined;
    this.el.addEventListener('pointerdown', (e) => {
      // Pointer capture would steal the click from states and stubs.
      if ((e.target as Element).closest('.selectable, .stub')) return;
      start = { x: e.clientX, y: e.clientY, tx: this.tx, ty: this.ty };
      this.el.setPointerCapture(e.pointerId);
      this.el.classList.add('dragging');
    });
    this.el.addEventListener('pointermove', (e) => {
      if (!start) return;
      this.tx = start.tx + e.clientX - start.x;
      this.ty = start.ty + e.clientY - start.y;
      this.apply();
    });
    const end = () => {
      start = undefined;
      this.el.classList.remove('dragging');
    };
    this.el.addEventListener('pointerup', end);
    this.el.addEventListener('pointercancel', end);
  }

  private onKey(e: KeyboardEvent): void {
    const dirs: Record<string, 'up' | 'down' | 'left' | 'right'> = {
      ArrowUp: 'up',
      ArrowDown: 'down',
      ArrowLeft: 'left',
      ArrowRight: 'right',
    };
    if (e.key in dirs && e.shiftKey) {
      const step = 60;
      if (e.key === 'ArrowUp') this.ty += step;
      if (e.key === 'ArrowDown') this.ty -= step;
      if (e.key === 'ArrowLeft') this.tx += step;
      if (e.key === 'ArrowRight') this.tx -= step;
      this.apply();
    } else if (e.key in dirs) {
      const current = this.items.find((i) => i.id === this.focused);
      const next = current
        ? nearestInDirection(
            current.rect,
            this.items.filter((i) => i !== current),
            dirs[e.key],
          )
        : this.items[0];
      if (next) this.focusState(next.id);
    } else if ((e.key === 'Enter' || e.key === ' ') && this.focused) this.onSelect(this.focused);
    else if (e.key === '+' || e.key === '=') this.zoomBy(1.25);
    else if (e.key === '-') this.zoomBy(0.8);
    else if (e.key === '0') this.fit();
    else return;
    e.preventDefault();
  }
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}

/** Cuts a label to what fits in a box of `width` px (about 7 px per character). */
function clip(text: string, width: number): string {
  const max = Math.max(4, Math.floor((width - 16) / 7));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
