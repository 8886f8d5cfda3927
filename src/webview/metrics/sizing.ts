// Memory sizing: duration and cost per memory size with the recommendation. The data is the
// function's own REPORT lines (each carries its memory size), so whatever ran the sweep — the
// lesson's sizing step, or the student changing memory by hand — shows up here.
import { h } from '../common/dom';
import { t } from '../common/l10n';
import { ms, usd } from '../common/format';
import type { SizingResult } from '../../shared/webviewProtocolMetrics';
import { sizingChart } from './charts';

export class SizingSection {
  readonly el: HTMLElement;
  private readonly canvas = h('canvas', {
    role: 'img',
    'aria-label': t('Median duration and cost per million invocations, per memory size'),
  });
  private readonly chart = h('div', { class: 'chart' }, this.canvas);
  private readonly summary = h('div', { class: 'sizing-summary', 'aria-live': 'polite' });
  private shown = '';

  constructor() {
    this.el = h(
      'section',
      { class: 'sizing', 'aria-label': t('Memory sizing') },
      h('h2', {}, t('Memory sizing')),
      h(
        'p',
        { class: 'note' },
        t(
          'Duration and cost per memory size, from the invocations above (warm runs; CPU grows with memory, 1,769 MB is one full vCPU).',
        ),
      ),
      this.summary,
      this.chart,
    );
  }

  show(s: SizingResult | undefined): void {
    const key = JSON.stringify(s ?? null);
    if (key === this.shown) return;
    this.shown = key;
    this.chart.hidden = !s;
    if (!s) {
      this.summary.replaceChildren(
        h(
          'p',
          {},
          t(
            'Invocations at one memory size only. Run the lesson’s sizing step (or invoke at other memory sizes) to compare sizes.',
          ),
        ),
      );
      return;
    }
    sizingChart(this.canvas as HTMLCanvasElement, s);
    const by = (mb: number) => s.points.find((p) => p.memoryMb === mb);
    const line = (label: string, mb: number) => {
      const p = by(mb);
      return h(
        'li',
        { 'data-recommendation': label },
        h('strong', {}, `${label}: ${mb} MB`),
        p ? ` — ${t('{0} median, {1} per 1M invocations', ms(p.durationMs), usd(p.costPerInvocationUsd * 1e6))}` : '',
      );
    };
    this.summary.replaceChildren(
      h(
        'ul',
        { class: 'recommendation' },
        line(t('Recommended (balanced)'), s.recommended.balanced),
        line(t('Cheapest'), s.recommended.cost),
        line(t('Fastest'), s.recommended.speed),
      ),
      h('p', {}, s.reason),
      h(
        'table',
        { class: 'cost' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...[t('Memory'), t('Invocations'), t('Median duration'), t('Cost per 1M')].map((t) =>
              h('th', { scope: 'col' }, t),
            ),
          ),
        ),
        h(
          'tbody',
          {},
          ...s.points.map((p) =>
            h(
              'tr',
              {},
              h('td', {}, `${p.memoryMb} MB`),
              h('td', { class: 'num' }, String(p.samples)),
              h('td', { class: 'num' }, ms(p.durationMs)),
              h('td', { class: 'num' }, usd(p.costPerInvocationUsd * 1e6)),
            ),
          ),
        ),
      ),
    );
  }
}
