// The message table (virtualised: 1,000 messages stay smooth) and the selected message's detail.
import { h } from '../common/dom';
import { bytes, preview, shortTime, time } from '../common/format';
import { VirtualTable } from '../common/virtualTable';
import type { MessageListing, MessageRow } from '../../shared/webviewProtocolSqs';

export class MessageList {
  readonly el: HTMLElement;
  private readonly table: VirtualTable<MessageRow>;
  private readonly summary = h('p', { class: 'summary', 'aria-live': 'polite' });
  private readonly detail = h('section', { class: 'detail', 'aria-label': 'Selected message' });

  constructor(private readonly onSelect: (messageId: string) => void) {
    this.table = new VirtualTable<MessageRow>({
      label: 'Messages',
      emptyText: 'No messages. Send one above.',
      rowKey: (m) => m.messageId,
      rowClass: (m) => (m.state && m.state !== 'visible' ? `state-${m.state}` : undefined),
      columns: [
        { title: 'Sent', width: '8em', cell: (m) => h('span', { title: time(m.sentTimestamp) }, shortTime(m.sentTimestamp)) },
        { title: 'Message ID', width: '10em', cell: (m) => h('code', { title: m.messageId }, m.messageId.slice(0, 8)) },
        { title: 'Body', width: 'minmax(12em, 3fr)', cell: (m) => preview(m.body) },
        { title: 'Attributes', width: 'minmax(6em, 1fr)', cell: (m) => preview(Object.entries(m.attributes).map(([k, v]) => `${k}=${v}`).join(', '), 60) },
        { title: 'Receives', width: '5em', align: 'end', cell: (m) => String(m.receiveCount) },
        { title: 'Group', width: '7em', cell: (m) => m.groupId ?? '' },
        { title: 'Sequence', width: '8em', cell: (m) => (m.sequenceNumber ? h('code', { title: m.sequenceNumber }, m.sequenceNumber.slice(-6)) : '') },
        { title: 'State', width: '6em', cell: (m) => (m.state === 'inFlight' ? 'in flight' : m.state ?? '') },
      ],
      onSelect: (m) => this.showDetail(m),
      onActivate: (m) => this.showDetail(m, true),
    });
    this.el = h('section', { class: 'messages' }, h('h2', {}, 'Messages'), this.summary, this.table.el, this.detail);
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
      h('h3', {}, 'Message ', h('code', {}, m.messageId)),
      h('dl', { class: 'kv' },
        ...pair('Sent', time(m.sentTimestamp)),
        ...pair('Receive count', String(m.receiveCount)),
        ...(m.groupId ? pair('Message group', m.groupId) : []),
        ...(m.sequenceNumber ? pair('Sequence number', m.sequenceNumber) : []),
        ...(m.deduplicationId ? pair('Deduplication id', m.deduplicationId) : []),
        ...pair('Body size', bytes(m.bodyLength)),
        ...attrs.flatMap(([k, v]) => pair(`Attribute ${k}`, v)),
      ),
      h('pre', { class: 'body', tabindex: 0, 'aria-label': 'Message body' }, prettyBody(m.body), m.bodyLength > m.body.length ? `\n… (${m.bodyLength - m.body.length} more characters)` : ''),
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
