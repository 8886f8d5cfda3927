// Invocation metrics view: every invocation from the function's REPORT lines (cold starts
// marked), duration charts, the sizing sweep and a monthly cost estimate.
import '../common/elements';
import { HostClient } from '../common/rpc';
import { appRoot, h, icon, statusLine } from '../common/dom';
import { t } from '../common/l10n';
import { count, ms, usd } from '../common/format';
import { patchState, vscodeApi } from '../common/vscodeApi';
import { VirtualTable } from '../common/virtualTable';
import type {
  FunctionSummary,
  InvocationRow,
  MetricsEvent,
  MetricsMethods,
  MetricsViewState,
} from '../../shared/webviewProtocolMetrics';
import { coldVsWarm, durationOverTime } from './charts';
import { Estimator } from './estimator';
import { SizingSection } from './sizing';
import { invocationStats } from './stats';

const POLL_MS = 3000;

const host = new HostClient<MetricsMethods, MetricsEvent>();
const root = appRoot();
const status = statusLine();
const saved = vscodeApi<MetricsViewState>().getState();
const header = h('header', {});
const noInvocations = h(
  'p',
  { class: 'empty-state', hidden: true },
  icon('pulse'),
  ' No invocations yet. Invoke the function (the Invoke CodeLens above its handler, or the step guide): this view refreshes by itself.',
);
const summary = h('div', { class: 'summary-cards', role: 'group', 'aria-label': 'Summary' });
const durationCanvas = h('canvas', {
  role: 'img',
  'aria-label': t('Duration of each invocation over time; cold starts as triangles'),
});
const coldCanvas = h('canvas', {
  role: 'img',
  'aria-label': t('Mean duration of warm and cold invocations, with Init Duration'),
});
const charts = h(
  'div',
  { class: 'charts' },
  h('figure', { class: 'chart' }, h('figcaption', {}, 'Duration over time'), durationCanvas),
  h('figure', { class: 'chart' }, h('figcaption', {}, 'Cold vs warm'), coldCanvas),
);
let fn: FunctionSummary | undefined;
let rows: InvocationRow[] = [];

const table = new VirtualTable<InvocationRow>({
  label: t('Invocations'),
  emptyText: t('No invocations yet. Invoke the function, then come back: this view refreshes by itself.'),
  rowKey: (r) => r.requestId,
  rowClass: (r) => (r.cold ? 'cold' : r.status ? 'failed' : undefined),
  // Five columns fit a half-width panel; the request id and billed duration are in tooltips.
  columns: [
    {
      title: t('Time'),
      width: '6em',
      cell: (r) => h('span', { title: `request ${r.requestId}` }, new Date(r.timestamp).toLocaleTimeString()),
    },
    { title: t('Start'), width: 'minmax(8.5em, 1fr)', cell: startCell },
    {
      title: 'Duration',
      width: '5.5em',
      align: 'end',
      cell: (r) => h('span', { title: `billed ${ms(r.billedMs)}` }, ms(r.durationMs)),
    },
    {
      title: t('Memory'),
      width: '5.5em',
      align: 'end',
      cell: (r) =>
        h(
          'span',
          { title: t('{0} MB used of {1} MB', r.maxMemoryUsedMb, r.memorySizeMb) },
          `${r.maxMemoryUsedMb}/${r.memorySizeMb}`,
        ),
    },
    { title: t('Cost'), width: '7.5em', align: 'end', cell: (r) => usd(r.costUsd) },
  ],
});

/** Warm, cold (with its Init Duration) or how it failed. */
function startCell(r: InvocationRow): HTMLElement | string {
  if (r.status) return h('span', { title: `status ${r.status}` }, icon('error'), ` ${r.status}`);
  if (r.cold)
    return h(
      'span',
      { class: 'cold-tag', title: t('cold start: Init Duration') },
      icon('zap'),
      ` ${t('cold')}${r.initMs !== undefined ? ` +${ms(r.initMs)}` : ''}`,
    );
  return t('warm');
}

const estimator = new Estimator(
  saved?.estimate,
  (p) => host.request('estimate', p),
  (p) => patchState<MetricsViewState>({ estimate: p }),
);
const sizing = new SizingSection();

root.append(
  header,
  status.el,
  summary,
  charts,
  noInvocations,
  h('h2', {}, t('Invocations')),
  table.el,
  sizing.el,
  estimator.el,
);

function card(label: string, value: string, key: string): HTMLElement {
  return h(
    'div',
    { class: 'card', 'data-figure': key },
    h('span', { class: 'card-value' }, value),
    h('span', { class: 'card-label' }, label),
  );
}

function render(truncated: boolean): void {
  const s = invocationStats(rows);
  summary.replaceChildren(
    card(t('invocations'), count(s.count), 'count'),
    card(t('cold starts'), count(s.cold), 'cold'),
    card(t('warm mean'), ms(s.warmMeanMs), 'warm'),
    card(
      t('cold mean (+ init)'),
      Number.isNaN(s.coldMeanMs) ? '—' : `${ms(s.coldMeanMs)} + ${ms(s.initMeanMs)}`,
      'coldMean',
    ),
    card(t('p95 duration'), ms(s.p95Ms), 'p95'),
    card(t('max memory used'), fn ? `${s.maxMemoryUsedMb} / ${fn.memorySizeMb} MB` : '—', 'memory'),
    card(t('cost of these invocations'), usd(s.totalCostUsd), 'cost'),
  );
  if (truncated) status.say(t('Showing the latest {0} invocations.', rows.length));
  table.setRows([...rows].reverse(), table.activeRow?.requestId);
  // No invocations: one clear sentence instead of empty charts with a meaningless time axis.
  charts.hidden = rows.length === 0;
  noInvocations.hidden = rows.length > 0;
  if (rows.length) {
    durationOverTime(durationCanvas as HTMLCanvasElement, rows);
    coldVsWarm(coldCanvas as HTMLCanvasElement, rows);
  }
  if (rows.length)
    estimator.prefill({ durationMs: s.meanBilledMs, memoryMb: fn?.memorySizeMb, architecture: fn?.architecture });
}

async function load(): Promise<void> {
  const out = await host.request('load', {});
  fn = out.fn;
  patchState<MetricsViewState>({ functionName: fn.functionName });
  header.replaceChildren(
    h('h1', {}, icon('pulse'), ` ${fn.functionName}`),
    h(
      'p',
      { class: 'note' },
      `${fn.runtime ?? ''} · ${fn.memorySizeMb} MB · ${fn.architecture} · ${fn.target}. ${t('Figures come from the REPORT lines in CloudWatch Logs; costs use the price table of {0} ({1}).', out.prices.asOf, out.prices.region)}`,
    ),
  );
  rows = out.invocations;
  render(out.truncated);
  sizing.show(out.sizing);
  estimator.schedule();
}

async function refresh(): Promise<void> {
  const out = await host.request('invocations', {});
  if (!out.changed) return;
  rows = out.invocations;
  render(out.truncated);
  sizing.show(out.sizing);
}

async function poll(): Promise<void> {
  try {
    await refresh();
  } catch (e) {
    status.say((e as Error).message, 'error');
  }
  setTimeout(() => void poll(), POLL_MS);
}

host.onEvent((e) => {
  if (e.type === 'progress') status.say(e.text);
});
host.ready();
load()
  .catch((e: Error) => status.say(e.message, 'error'))
  .finally(() => setTimeout(() => void poll(), POLL_MS));
