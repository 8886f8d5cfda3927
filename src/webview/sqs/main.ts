// SQS messages view: queue attributes and live counters, the message table, send / receive-and-
// delete / purge, and links to the dead-letter queue. Renders only; the host fetches.
import '../common/elements';
import { HostClient } from '../common/rpc';
import { appRoot, h, icon, statusLine } from '../common/dom';
import { t } from '../common/l10n';
import { patchState, vscodeApi } from '../common/vscodeApi';
import type { MessageListing, QueueInfo, SqsEvent, SqsMethods, SqsViewState } from '../../shared/webviewProtocolSqs';
import { renderQueueHeader, renderAttributes } from './queuePanel';
import { MessageList } from './messageList';
import { SendForm } from './sendForm';

const POLL_MS = 2000;
const LIST_MAX = 1000;

const host = new HostClient<SqsMethods, SqsEvent>();
const root = appRoot();
const status = statusLine();
const header = h('header', { class: 'queue-header' });
const note = h('p', { class: 'note' });
const attributes = h('section', { class: 'attributes' });
const state = vscodeApi<SqsViewState>().getState();

let queue: QueueInfo | undefined;
let listing: MessageListing | undefined;
let busy = false;

const list = new MessageList((id) => patchState<SqsViewState>({ selectedMessageId: id }));
const form = new SendForm(
  state?.draft,
  async (params) => {
    try {
      const out = await host.request('send', params);
      status.say(
        out.sequenceNumber
          ? t('Sent message {0} (sequence number {1}).', out.messageId, out.sequenceNumber)
          : t('Sent message {0}.', out.messageId),
      );
      await refreshAll();
    } catch (e) {
      status.say((e as Error).message, 'error');
    }
  },
  (draft) => patchState<SqsViewState>({ draft }),
);

const refreshButton = button('refresh', t('Refresh messages'), () => void refreshAll());
const receiveButton = button('inbox', t('Receive and delete 10'), async () => {
  const out = await host.request('receiveAndDelete', { max: 10 });
  status.say(
    out.deleted === 0
      ? t('No visible message to receive.')
      : out.deleted === 1
        ? t('Received and deleted 1 message.')
        : t('Received and deleted {0} messages.', out.deleted),
  );
  await refreshAll();
});
const purgeButton = button('trash', t('Purge…'), async () => {
  const out = await host.request('purge', {});
  if (!out.purged) return;
  status.say(t('Queue purged. AWS may take up to 60 seconds to finish a purge.'));
  await refreshAll();
});

root.append(
  header,
  note,
  h(
    'div',
    { class: 'toolbar', role: 'toolbar', 'aria-label': t('Queue actions') },
    refreshButton,
    receiveButton,
    purgeButton,
  ),
  status.el,
  form.el,
  list.el,
  attributes,
);

function button(codicon: string, label: string, run: () => Promise<void> | void): HTMLElement {
  const b = h('vscode-button', { secondary: true, 'aria-label': label }, icon(codicon), ` ${label}`);
  b.addEventListener('click', async () => {
    if (busy) return;
    busy = true;
    b.setAttribute('disabled', '');
    try {
      await run();
    } catch (e) {
      status.say((e as Error).message, 'error');
    } finally {
      busy = false;
      b.removeAttribute('disabled');
    }
  });
  return b;
}

async function refreshQueue(): Promise<void> {
  const next = await host.request('queue', {});
  queue = next;
  header.replaceChildren(
    ...renderQueueHeader(
      next,
      (url) => void host.request('openQueue', { url }).catch((e: Error) => status.say(e.message, 'error')),
    ),
  );
  attributes.replaceChildren(renderAttributes(next));
  form.setFifo(next.fifo);
}

async function refreshMessages(): Promise<void> {
  listing = await host.request('messages', { max: LIST_MAX });
  note.textContent =
    listing.mode === 'peek'
      ? t(
          'Messages are listed with the local cloud’s peek: nothing is received, receive counts do not change. Delayed and in-flight messages are shown too.',
        )
      : t(
          'This target has no peek: messages are listed with ReceiveMessage, then made visible again at once (visibility 0). Each listing counts as a receive: receive counts grow by one, and with a redrive policy a message can move to the dead-letter queue. In-flight and delayed messages are not shown, and on FIFO queues only the first message of each group. The list refreshes only when you ask.',
        );
  list.show(listing, vscodeApi<SqsViewState>().getState()?.selectedMessageId);
}

async function refreshAll(): Promise<void> {
  await refreshQueue();
  await refreshMessages();
}

/**
 * Counters poll (one small GetQueueAttributes); when they move, the header and attributes
 * follow, and the list too where listing has no side effects (peek).
 */
async function poll(): Promise<void> {
  try {
    const counters = await host.request('counters', {});
    if (!queue || JSON.stringify(queue.counters) !== JSON.stringify(counters)) {
      await refreshQueue();
      if (listing?.mode === 'peek') await refreshMessages();
    }
  } catch (e) {
    status.say((e as Error).message, 'error');
  }
  setTimeout(() => void poll(), POLL_MS);
}

host.onEvent((e) => {
  if (e.type === 'target') {
    patchState<SqsViewState>({ queueUrl: e.queueUrl });
    root.dataset.target = e.label;
  }
});
host.ready();
refreshAll()
  .catch((e: Error) => status.say(e.message, 'error'))
  .finally(() => setTimeout(() => void poll(), POLL_MS));
