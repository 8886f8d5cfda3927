// Number, time and money formatting shared by the views (pure; no DOM).
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  return `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;
}

export function usd(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value === 0) return '$0';
  // Small amounts with three significant digits, never in exponent notation ($0.000000215).
  if (Math.abs(value) < 0.01) return `$${value.toFixed(Math.min(12, 2 - Math.floor(Math.log10(Math.abs(value)))))}`;
  return `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export function count(value: number): string {
  return value.toLocaleString('en-US');
}

/** Time of day only when it is today (table cells); the full date otherwise. */
export function shortTime(epochMs: number): string {
  if (!epochMs) return '—';
  const d = new Date(epochMs);
  return d.toDateString() === new Date().toDateString() ? d.toLocaleTimeString() : time(epochMs);
}

export function time(epochMs: number): string {
  if (!epochMs) return '—';
  const d = new Date(epochMs);
  return `${d.toLocaleDateString()} ${d.toLocaleTimeString()}`;
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** One line of a possibly long, multi-line text. */
export function preview(text: string, max = 120): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
