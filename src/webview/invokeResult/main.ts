// Invoke result view: status, the REPORT metrics (cold start highlighted), payload and logs.
import '../common/elements';
import { HostClient } from '../common/rpc';
import { appRoot, clear, h, icon, statusLine } from '../common/dom';
import { t } from '../common/l10n';
import { ms } from '../common/format';
import { patchState, vscodeApi } from '../common/vscodeApi';
import type {
  InvokeResultEvent,
  InvokeResultMethods,
  InvokeResultView,
  InvokeResultViewState,
} from '../../shared/webviewProtocolInvokeResult';

const host = new HostClient<InvokeResultMethods, InvokeResultEvent>();
const root = appRoot();
const status = statusLine();

function metric(label: string, value: string, opts: { id?: string; highlight?: boolean } = {}): HTMLElement {
  return h(
    'div',
    { class: `metric${opts.highlight ? ' highlight' : ''}`, id: opts.id },
    h('span', { class: 'label' }, label),
    h('span', { class: 'value' }, value),
  );
}

function render(r: InvokeResultView): void {
  const failed = Boolean(r.functionError) || r.statusCode >= 300;
  const rep = r.report;
  const cold = rep?.initDurationMs !== undefined;
  clear(root);
  root.append(
    h('h1', {}, icon(failed ? 'error' : 'pass-filled'), ` ${r.functionName}`),
    h(
      'p',
      { class: 'note' },
      `${r.eventName} · ${r.target} · ${t('status {0}', r.statusCode)}${r.functionError ? ` · ${t('{0} error', r.functionError)}` : ''} · ${new Date(r.at).toLocaleTimeString()}`,
    ),
    h(
      'div',
      { class: 'toolbar' },
      h('vscode-button', { onclick: () => void again() }, icon('play'), ` ${t('Invoke again')}`),
      h(
        'vscode-button',
        {
          secondary: true,
          onclick: () => void host.request('openEvent', {}).catch((e: Error) => status.say(e.message, 'error')),
        },
        icon('json'),
        ` ${t('Open event')}`,
      ),
    ),
    status.el,
    rep
      ? h(
          'section',
          { class: 'metrics', 'aria-label': t('REPORT metrics') },
          cold
            ? h('vscode-badge', { class: 'cold', id: 'cold-start' }, t('Cold start'))
            : h('vscode-badge', { class: 'warm', id: 'warm-start' }, t('Warm start')),
          metric('Duration', ms(rep.durationMs), { id: 'duration' }),
          metric('Billed Duration', `${rep.billedDurationMs} ms`),
          cold ? metric('Init Duration', ms(rep.initDurationMs!), { id: 'init-duration', highlight: true }) : null,
          metric(t('Memory'), `${rep.maxMemoryUsedMb} / ${rep.memorySizeMb} MB`),
        )
      : h('p', { class: 'note' }, t('No REPORT line in the log tail.')),
    h('h2', {}, failed ? t('Error') : t('Response')),
    h('pre', { class: `payload${failed ? ' error' : ''}`, tabindex: 0 }, r.payload || t('(empty)')),
    h('h2', {}, t('Log')),
    h(
      'pre',
      { class: 'logs', tabindex: 0 },
      ...r.logs
        .split('\n')
        .map((line) =>
          h('span', { class: /^(START|END|REPORT|INIT_START) /.test(line) ? 'platform' : '' }, `${line}\n`),
        ),
    ),
  );
}

async function again(): Promise<void> {
  try {
    await host.request('invokeAgain', {});
  } catch (e) {
    status.say((e as Error).message, 'error');
  }
}

// After a reload the saved result shows at once; the host sends it again on ready.
const saved = vscodeApi<InvokeResultViewState>().getState()?.result;
if (saved) render(saved);

host.onEvent((e) => {
  if (e.type === 'result') {
    render(e.result);
    patchState<InvokeResultViewState>({ result: e.result });
  } else if (e.type === 'failed') {
    clear(root);
    root.append(h('h1', {}, icon('error'), ` ${e.functionName}`), h('p', { class: 'error', role: 'alert' }, e.message));
  } else {
    clear(root);
    root.append(
      h('h1', {}, icon('sync~spin'), ` ${e.functionName}`),
      h('p', { class: 'note' }, t('Invoking with {0}…', e.eventName)),
      h('vscode-progress-ring', {}),
    );
  }
});
host.ready();
