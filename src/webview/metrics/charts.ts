// Chart.js, registered piece by piece (tree-shaken: only scatter, line and bar charts with
// linear/category scales), coloured from the VS Code theme, animations off for 500+ points.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  ScatterController,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import type { InvocationRow, SizingResult } from '../../shared/webviewProtocolMetrics';
import { mean } from './stats';
import { t } from '../common/l10n';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  ScatterController,
  Tooltip,
);

function themeColor(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

function palette() {
  return {
    fg: themeColor('--vscode-foreground', '#ccc'),
    grid: themeColor('--vscode-panel-border', 'rgba(128,128,128,0.3)'),
    warm: themeColor('--vscode-charts-blue', '#3794ff'),
    cold: themeColor('--vscode-charts-orange', '#d18616'),
    init: themeColor('--vscode-charts-yellow', '#cca700'),
    cost: themeColor('--vscode-charts-green', '#89d185'),
    font: themeColor('--vscode-font-family', 'sans-serif'),
  };
}

function baseOptions() {
  const p = palette();
  Chart.defaults.color = p.fg;
  Chart.defaults.borderColor = p.grid;
  Chart.defaults.font.family = p.font;
  return { animation: false as const, responsive: true, maintainAspectRatio: false, normalized: true };
}

/** Creates or updates a chart on a canvas (one Chart per canvas). */
function draw(canvas: HTMLCanvasElement, config: ChartConfiguration): Chart {
  Chart.getChart(canvas)?.destroy();
  return new Chart(canvas, config);
}

/** Duration of every invocation over time; cold starts in their own colour. */
export function durationOverTime(canvas: HTMLCanvasElement, rows: readonly InvocationRow[]): void {
  const p = palette();
  const point = (r: InvocationRow) => ({ x: r.timestamp, y: r.durationMs });
  const spanMs = rows.length ? rows[rows.length - 1].timestamp - rows[0].timestamp : 0;
  // Clock time on the axis; seconds matter only when everything happened within a minute.
  const tick = (v: number | string) =>
    new Date(Number(v)).toLocaleTimeString(
      [],
      spanMs < 60_000 ? { minute: '2-digit', second: '2-digit' } : { hour: '2-digit', minute: '2-digit' },
    );
  // Room on both sides, so a point at either end (or the only point) draws whole inside the
  // chart; a few invocations close together would otherwise get an axis a millisecond wide.
  const pad = Math.max(5_000, spanMs * 0.05);
  const range = rows.length ? { min: rows[0].timestamp - pad, max: rows[rows.length - 1].timestamp + pad } : {};
  draw(canvas, {
    type: 'scatter',
    data: {
      datasets: [
        { label: 'warm', data: rows.filter((r) => !r.cold).map(point), backgroundColor: p.warm, pointRadius: 3 },
        {
          label: 'cold start',
          data: rows.filter((r) => r.cold).map(point),
          backgroundColor: p.cold,
          pointRadius: 6,
          pointStyle: 'triangle',
        },
      ],
    },
    options: {
      ...baseOptions(),
      parsing: false,
      scales: {
        x: {
          type: 'linear',
          ...range,
          title: { display: true, text: t('time of the invocation') },
          ticks: { callback: tick, maxTicksLimit: 8 },
        },
        // Headroom above the slowest point, so its marker is not cut by the chart's top edge.
        y: { type: 'linear', beginAtZero: true, grace: '15%', title: { display: true, text: t('Duration (ms)') } },
      },
    },
  });
}

/** Mean duration of warm vs cold invocations, with the cold starts' Init Duration stacked. */
export function coldVsWarm(canvas: HTMLCanvasElement, rows: readonly InvocationRow[]): void {
  const p = palette();
  const warm = rows.filter((r) => !r.cold);
  const cold = rows.filter((r) => r.cold);
  draw(canvas, {
    type: 'bar',
    data: {
      labels: [t('warm ({0})', warm.length), t('cold ({0})', cold.length)],
      datasets: [
        // One colour per dataset, so the legend names what each colour is; the axis says warm or cold.
        {
          label: t('Duration (mean ms)'),
          data: [mean(warm.map((r) => r.durationMs)) || 0, mean(cold.map((r) => r.durationMs)) || 0],
          backgroundColor: p.warm,
        },
        {
          label: t('Init Duration (mean ms)'),
          data: [0, mean(cold.map((r) => r.initMs ?? 0)) || 0],
          backgroundColor: p.init,
        },
      ],
    },
    options: {
      ...baseOptions(),
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, title: { display: true, text: 'ms' } } },
    },
  });
}

/** The sizing sweep: duration (line, left axis) and cost per million invocations (bars, right axis) per memory size. */
export function sizingChart(canvas: HTMLCanvasElement, sizing: SizingResult): void {
  const p = palette();
  const labels = sizing.points.map((s) => `${s.memoryMb} MB`);
  draw(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: [
        {
          type: 'bar',
          label: t('Cost per 1M invocations ($)'),
          data: sizing.points.map((s) => s.costPerInvocationUsd * 1e6),
          backgroundColor: sizing.points.map((s) => (s.memoryMb === sizing.recommended.balanced ? p.cold : p.cost)),
          yAxisID: 'cost',
          // Drawn under the line (the lowest order is drawn on top).
          order: 1,
        },
        {
          type: 'line',
          label: t('Duration (median ms)'),
          data: sizing.points.map((s) => s.durationMs),
          borderColor: p.warm,
          backgroundColor: p.warm,
          borderWidth: 3,
          yAxisID: 'ms',
          order: 0,
        },
      ],
    },
    options: {
      ...baseOptions(),
      scales: {
        ms: { type: 'linear', position: 'left', beginAtZero: true, title: { display: true, text: t('Duration (ms)') } },
        cost: {
          type: 'linear',
          position: 'right',
          beginAtZero: true,
          grid: { drawOnChartArea: false },
          title: { display: true, text: t('$ per 1M invocations') },
        },
      },
    },
  });
}
