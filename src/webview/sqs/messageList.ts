// The message table (virtualised: 1,000 messages stay smooth) and the selected message's detail.
import { h } from '../common/dom';
import { t } from '../common/l10n';
import { bytes, preview, shortTime, time } from '../common/format';
import { VirtualTable } from '../common/virtualTable';
import type { MessageListing, MessageRow } from '../../shared/webviewProtocolSqs';

export class MessageList {
  readonly el: HTMLElement;
  private readonly table: VirtualTable<MessageRow>;
  private readonly summary = h('p', { class: 'summary', 'aria-live': 'polite' });
  private readonly detail = h('section', { class: 'detail', 'aria-label': t('Selected message') });

  constructor(private readonly onSelect: (messageId: string) => void) {
    this.table = new VirtualTable<MessageRow>({
      label: t('Messages'),
      emptyText: t('No messages. Send one above.'),
      rowKey: (m) => m.messageId,
      rowClass: (m) => (m.state && m.state !== 'visible' ? `state-${m.state}` : undefined),
      columns: [
        {
          title: t('Sent'),
          width: '8em',
          cell: (m) => h('span', { title: time(m.sentTimestamp) }, shortTime(m.sentTimestamp)),
        },
        {
          title: t('Message ID'),
          width: '10em',
          cell: (m) => h('code', { title: m.messageId }, m.messageId.slice(0, 8)),
        },
        { title: t('Body'), width: 'minmax(12em, 3fr)', cell: (m) => preview(m.body) },
        {
          title: t('Attributes'),
          width: 'minmax(6em, 1fr)',
          cell: (m) =>
            preview(
              Object.entries(m.attributes)
                .map(([k, v]) => `${k}=${v}`)
                .join(', '),
              60,
            ),
        },
        { title: t('Receives'), width: '5em', align: 'end', cell: (m) => String(m.receiveCount) },
        { title: t('Group'), width: '7em', cell: (m) => m.groupId ?? '' },
        {
          title: t('Sequence'),
          width: '8em',
          cell: (m) => (m.sequenceNumber ? h('code', { title: m.sequenceNumber }, m.sequenceNumber.slice(-6)) : ''),
        },
        {
          title: t('State'),
          width: '6em',
          cell: (m) =>
            m.state === 'inFlight'
              ? t('in flight')
              : m.state === 'delayed'
                ? t('delayed')
                : m.state === 'visible'
                  ? t('visible')
                  : (m.state ?? ''),
        },
      ],
      onSelect: (m) => this.showDetail(m),
      onActivate: (m) => this.showDetail(m, true),
    });
    this.el = h('section', { class: 'messages' }, h('h2', {}, t('Messages')), this.summary, this.table.el, this.detail);
  }

  show(listing: MessageListing, selectedId?: string): void {
    const n = listing.messages.length;
    this.summary.textContent = `${n} message${n === 1 ? '' : 's'}${listing.truncated ? ' (more in the queue; the first ones are listed)' : ''}.`;
    this.table.setRows(listing.messages, selectedId);
    const selected = listing.messages.find((m) => m.messageId === selectedId);
    if (selected) this.showDetail(selected);
    else this.detail.replaceChildren();
  }

  private showDetail(m: MessageRow, focus = false): void {
    this.onSelect(m.messageId);
    const attrs = Object.entries(m.attributes);
    this.detail.replaceChildren(
      h('h3', {}, `${t('Message')} `, h('code', {}, m.messageId)),
      h(
        'dl',
        { class: 'kv' },
        ...pair(t('Sent'), time(m.sentTimestamp)),
        ...pair(t('Receive count'), String(m.receiveCount)),
        ...(m.groupId ? pair(t('Message group'), m.groupId) : []),
        ...(m.sequenceNumber ? pair(t('Sequence number'), m.sequenceNumber) : []),
        ...(m.deduplicationId ? pair(t('Deduplication id'), m.deduplicationId) : []),
        ...pair(t('Body size'), bytes(m.bodyLength)),
        ...attrs.flatMap(([k, v]) => pair(t('Attribute {0}', k), v)),
      ),
      h(
        'pre',
        { class: 'body', tabindex: 0, 'aria-label': t('Message body') },
        prettyBody(m.body),
        m.bodyLength > m.body.length ? `\n… (${t('{0} more characters', m.bodyLength - m.body.length)})` : '',
      ),
    );
    if (focus) (this.detail.querySelector('pre') as HTMLElement).focus();
  }
}

function pair(k: string, v: string): HTMLElement[] {
  return [h('dt', {}, k), h('dd', {}, v)];
}

function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
