// The queue's header (name, counters, DLQ links) and its attribute list.
import { h, icon } from '../common/dom';
import { t } from '../common/l10n';
import { count } from '../common/format';
import type { QueueInfo } from '../../shared/webviewProtocolSqs';

export function renderQueueHeader(q: QueueInfo, openQueue: (url: string) => void): Node[] {
  const counter = (label: string, value: number, key: string) =>
    h(
      'div',
      { class: 'counter', 'data-counter': key },
      h('span', { class: 'counter-value' }, count(value)),
      h('span', { class: 'counter-label' }, label),
    );
  const out: Node[] = [
    h('h1', {}, icon('mail'), ` ${q.name} `, q.fifo ? h('vscode-badge', { variant: 'counter' }, 'FIFO') : null),
    h(
      'div',
      { class: 'counters', role: 'group', 'aria-label': t('Message counters') },
      counter(t('visible'), q.counters.visible, 'visible'),
      counter(t('in flight'), q.counters.inFlight, 'inFlight'),
      counter(t('delayed'), q.counters.delayed, 'delayed'),
    ),
  ];
  const links: Node[] = [];
  if (q.deadLetterQueue) {
    const dlq = q.deadLetterQueue;
    links.push(
      h(
        'span',
        {},
        icon('arrow-right'),
        ` ${t('Dead-letter queue:')} `,
        dlq.url
          ? link(dlq.name, () => openQueue(dlq.url))
          : h('span', { class: 'error' }, t('{0} (missing)', dlq.name)),
        ` ${dlq.maxReceiveCount === 1 ? t('after 1 receive') : t('after {0} receives', dlq.maxReceiveCount)}`,
      ),
    );
  }
  if (q.sourceQueues.length) {
    links.push(
      h(
        'span',
        {},
        icon('arrow-left'),
        ` ${t('Dead-letter queue of:')} `,
        ...q.sourceQueues.flatMap((s, i) => [i ? ', ' : '', link(s.name, () => openQueue(s.url))]),
      ),
    );
  }
  if (links.length) out.push(h('p', { class: 'dlq-links' }, ...links));
  return out;
}

function link(text: string, onClick: () => void): HTMLElement {
  const a = h('a', { href: '#', role: 'link' }, text);
  a.addEventListener('click', (e) => {
    e.preventDefault();
    onClick();
  });
  return a;
}

/** Attributes AWS reports, in a collapsible section (timestamps made readable). */
export function renderAttributes(q: QueueInfo): HTMLElement {
  const rows = Object.entries(q.attributes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => h('tr', {}, h('th', { scope: 'row' }, k), h('td', {}, readable(k, v))));
  return h(
    'vscode-collapsible',
    { title: t('Queue attributes') },
    h('table', { class: 'kv' }, h('tbody', {}, ...rows)),
  );
}

function readable(key: string, value: string): string {
  if (/Timestamp$/.test(key) && /^\d+$/.test(value))
    return `${new Date(Number(value) * 1000).toISOString()} (${value})`;
  if (key === 'RedrivePolicy' || key === 'Policy' || key === 'RedriveAllowPolicy') {
    try {
      return JSON.stringify(JSON.parse(value), null, 1);
    } catch {
      return value;
    }
  }
  return value;
}
