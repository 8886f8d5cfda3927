// The side panel: the selected state's status, timing, input, output and error, or the
// execution's when no state is selected.
import { h } from '../common/dom';
import { t } from '../common/l10n';
import { ms, time } from '../common/format';
import type { GraphNode } from '../../asl';
import type { ExecutionDetail } from '../../shared/webviewProtocolGraph';
import { STATUS_TEXT, type ExecutionView } from './stateDetails';

export function renderInspector(
  node: GraphNode | undefined,
  execution: ExecutionDetail | undefined,
  view: ExecutionView | undefined,
): Node[] {
  if (!execution)
    return [h('p', { class: 'note' }, 'No execution selected. Start one above, or pick one from the list.')];
  if (!node) {
    return [
      h('h2', {}, `${t('Execution')} `, ...breakable(execution.name)),
      h(
        'dl',
        { class: 'kv' },
        ...pair(t('Status'), execution.status),
        ...pair(t('Started'), time(execution.startDate)),
        ...(execution.stopDate ? pair(t('Stopped'), time(execution.stopDate)) : []),
        ...(execution.stopDate ? pair(t('Duration'), ms(execution.stopDate - execution.startDate)) : []),
        ...(execution.error ? pair(t('Error'), execution.error) : []),
      ),
      ...(execution.cause ? [h('h3', {}, t('Cause')), json(execution.cause)] : []),
      h('h3', {}, t('Input')),
      json(execution.input),
      ...(execution.output !== undefined ? [h('h3', {}, t('Output')), json(execution.output)] : []),
      h('p', { class: 'note' }, 'Select a state (click, or arrow keys then Enter) to see its input and output.'),
    ];
  }
  const d = view?.states.get(node.id);
  const status = d?.status ?? 'notReached';
  const out: Node[] = [
    h('h2', {}, node.label),
    h('p', { class: `status-pill status-${status}` }, `${node.kind} · ${STATUS_TEXT[status]}`),
  ];
  if (!d) {
    out.push(h('p', { class: 'note' }, t('This state was not reached in this execution.')));
    return out;
  }
  out.push(
    h(
      'dl',
      { class: 'kv' },
      ...pair(t('Entered'), d.entered === 1 ? t('once') : t('{0} times (the last run is shown)', d.entered)),
      ...(d.enteredAt ? pair(t('Started'), time(d.enteredAt)) : []),
      ...(d.exitedAt ? pair(t('Ended'), time(d.exitedAt)) : []),
      ...(d.durationMs !== undefined ? pair(d.exitedAt ? t('Duration') : t('Running for'), ms(d.durationMs)) : []),
      ...(d.error !== undefined ? pair(t('Error'), d.error || t('(no error name)')) : []),
    ),
  );
  if (d.cause) out.push(h('h3', {}, t('Cause')), json(d.cause));
  out.push(h('h3', {}, t('Input')), json(d.input));
  if (d.output !== undefined) out.push(h('h3', {}, t('Output')), json(d.output));
  return out;
}

function pair(k: string, v: string): HTMLElement[] {
  return [h('dt', {}, k), h('dd', {}, ...breakable(v))];
}

/**
 * Text with line-break opportunities after ':', '/' and '-', so ARNs and ids wrap between their
 * parts in a narrow inspector instead of in the middle of a word.
 */
export function breakable(text: string): Array<string | HTMLElement> {
  const out: Array<string | HTMLElement> = [];
  for (const part of text.split(/(?<=[:/-])/)) out.push(part, h('wbr', {}));
  out.pop();
  return out;
}

/** JSON shown indented; anything else as it is. Text only — never markup. */
function json(text: string | undefined): HTMLElement {
  let shown = text ?? '(none: the history was read without execution data)';
  try {
    if (text !== undefined) shown = JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    // not JSON: show the raw text
  }
  return h('pre', { class: 'body', tabindex: 0 }, shown);
}
