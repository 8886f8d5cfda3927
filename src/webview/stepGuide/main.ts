// Step guide view: renders the step the host sends (objectives and minutes, instructions HTML
// from src/shared/stepMarkdown.ts, actions, checks), routes link clicks and buttons back to the
// host, and shows what each action did beside the button or link that ran it (kept across redraws
// by results.ts).
import '../common/elements';
import { HostClient } from '../common/rpc';
import { appRoot, h, icon, statusLine, clear } from '../common/dom';
import { t } from '../common/l10n';
import { patchState, vscodeApi } from '../common/vscodeApi';
import type {
  GuideAction,
  GuideCheck,
  GuideStep,
  StepGuideEvent,
  StepGuideMethods,
  StepGuideState,
} from '../../shared/webviewProtocolStepGuide';
import { renderChecks } from './checkList';
import { linkLook } from './linkLook';
import { renderObjectives } from './objectives';
import { fillResult, linkResultKey, sayResult } from './results';

const host = new HostClient<StepGuideMethods, StepGuideEvent>();
const root = appRoot();
const status = statusLine();
let busy = false;
/** The step on screen. */
let current: GuideStep | undefined;

function button(
  iconName: string,
  label: string,
  onClick: () => void,
  opts: { secondary?: boolean; id?: string } = {},
): HTMLElement {
  return h(
    'vscode-button',
    { id: opts.id, secondary: opts.secondary, 'aria-label': label, onclick: onClick },
    icon(iconName),
    ` ${label}`,
  );
}

/**
 * Where a result is said: beside the button or link that asked for it (by its result key), else
 * the status line. A result that arrives after the student moved to another step is dropped.
 */
function sayer(resultKey?: string): (text: string, kind?: 'info' | 'error') => void {
  const stepId = current?.stepId;
  return (text, kind = 'info') => {
    if (current?.stepId !== stepId) return;
    if (resultKey) sayResult(resultKey, text, kind);
    else status.say(text, kind);
  };
}

/** Runs one host request with the buttons disabled and its outcome beside its control (or in the status line). */
async function run(what: string, work: () => Promise<string | undefined>, resultKey?: string): Promise<void> {
  if (busy) return;
  busy = true;
  root.classList.add('busy');
  const say = sayer(resultKey);
  say(`${what}…`);
  try {
    say((await work()) ?? '');
  } catch (e) {
    say((e as Error).message, 'error');
  } finally {
    busy = false;
    root.classList.remove('busy');
  }
}

function showChecks(checks: GuideCheck[]): void {
  const list = document.getElementById('checks');
  if (list) list.replaceWith(renderChecks(checks));
}

function checkSummary(checks: GuideCheck[]): string {
  showChecks(checks);
  const passed = checks.filter((c) => c.passed).length;
  return passed === checks.length
    ? t('All {0} checks pass — step done.', checks.length)
    : t('{0} of {1} checks pass.', passed, checks.length);
}

function render(s: GuideStep): void {
  current = s;
  const saved = vscodeApi<StepGuideState>().getState();
  const sameStep = saved?.stepId === s.stepId;
  // A redraw of the same step (after a progress or target change) keeps its hint and results.
  patchState<StepGuideState>({
    lessonDir: s.lessonDir,
    stepId: s.stepId,
    hintOpen: sameStep ? saved?.hintOpen : false,
    results: sameStep ? saved?.results : {},
  });
  // The status line speaks of the step it was said on: another step starts without it.
  if (!sameStep) status.say('');
  const content = h('article', { class: 'instructions' });
  content.innerHTML = s.html; // sanitised by src/shared/stepMarkdown.ts; the CSP forbids inline script
  decorateLinks(content, s);
  const stateText =
    s.state === 'done'
      ? t('Done')
      : s.state === 'checkFailed'
        ? t('Checks failed')
        : s.state === 'inProgress'
          ? t('In progress')
          : t('Not started');

  const actions = h('ul', { class: 'actions', 'aria-label': t('Step actions') }, ...s.actions.map(actionRow));
  const hint = s.hintHtml
    ? h(
        'vscode-collapsible',
        { title: t('Hint'), id: 'hint', open: sameStep && saved?.hintOpen ? true : undefined },
        hintBody(s.hintHtml),
      )
    : null;
  const solution = s.solutionFiles.length
    ? h(
        'div',
        { class: 'solution' },
        button(
          'lightbulb',
          t('Show solution'),
          () =>
            void run(
              t('Opening the solution'),
              async () => (await host.request('solution', {}), t('The solution is open beside your file.')),
            ),
          { secondary: true },
        ),
      )
    : null;

  clear(root);
  root.append(
    h(
      'header',
      { class: 'guide-header' },
      h(
        'p',
        { class: 'crumb' },
        `${s.lessonTitle} · ${t('step {0} of {1}', s.index + 1, s.count)} · `,
        h('span', { class: 'target' }, icon('cloud'), ` ${s.target}`),
      ),
      h(
        'h1',
        {},
        h(
          'span',
          { class: `state state-${s.state}`, title: stateText, 'aria-label': stateText },
          icon(s.state === 'done' ? 'pass-filled' : s.state === 'checkFailed' ? 'error' : 'circle-large-outline'),
        ),
        ` ${s.title}`,
      ),
    ),
    ...[renderObjectives(s)].filter((x): x is HTMLElement => !!x),
    content,
    ...(s.actions.length ? [h('h2', {}, t('Actions')), actions] : []),
    h('h2', {}, t('Checks')),
    renderChecks(s.checks),
    h(
      'div',
      { class: 'toolbar' },
      button(
        'checklist',
        t('Check my progress'),
        () => void run(t('Checking'), async () => checkSummary(await host.request('check', {}))),
        { id: 'check-progress' },
      ),
    ),
    ...(hint ? [hint] : []),
    ...(solution ? [solution] : []),
    status.el,
    h(
      'nav',
      { class: 'toolbar nav', 'aria-label': t('Steps') },
      button('arrow-left', t('Previous'), () => void host.request('navigate', { to: 'previous' }), {
        secondary: true,
        id: 'previous',
      }),
      button('arrow-right', t('Next'), () => void host.request('navigate', { to: 'next' }), { id: 'next' }),
    ),
  );
  (document.getElementById('previous') as HTMLElement & { disabled: boolean }).disabled = s.index === 0;
  (document.getElementById('next') as HTMLElement & { disabled: boolean }).disabled = s.index === s.count - 1;
  document
    .getElementById('hint')
    ?.addEventListener('vsc-collapsible-toggle', (ev) =>
      patchState<StepGuideState>({ hintOpen: Boolean((ev as CustomEvent<{ open: boolean }>).detail?.open) }),
    );
}

/** One action: a button when it changes the cloud, a text link when it opens something; its result beside it. */
function actionRow(a: GuideAction): HTMLElement {
  const out = fillResult(h('output', { class: 'action-result', 'aria-live': 'polite', 'data-result-for': a.id }));
  const go = () => void run(a.label, async () => (await host.request('action', { id: a.id })).summary, a.id);
  const control =
    a.changesCloud === false
      ? h(
          'button',
          { class: 'link-button', type: 'button', 'data-action': a.id, onclick: go },
          icon(a.icon),
          ` ${a.label}`,
        )
      : h(
          'vscode-button',
          { secondary: true, 'aria-label': a.label, 'data-action': a.id, onclick: go },
          icon(a.icon),
          ` ${a.label}`,
        );
  return h('li', { class: `action ${a.changesCloud === false ? 'action-view' : 'action-cloud'}` }, control, out);
}

/** Command links get the look of what they do, and those that run something a place for the result. */
function decorateLinks(content: HTMLElement, s: GuideStep): void {
  for (const a of content.querySelectorAll<HTMLAnchorElement>('a.hoc-link')) {
    const look = linkLook(a.getAttribute('data-href') ?? '', s.actions);
    a.classList.add(`hoc-${look.kind}`);
    a.prepend(icon(look.icon), ' ');
    if (look.run)
      a.after(
        fillResult(
          h('output', {
            class: 'link-result',
            'aria-live': 'polite',
            'data-result-for': linkResultKey(a.getAttribute('data-href') ?? ''),
          }),
        ),
      );
  }
}

function hintBody(html: string): HTMLElement {
  const body = h('div', { class: 'hint-body' });
  body.innerHTML = html;
  return body;
}

// One listener for every link in the instructions: the host decides what each means.
document.addEventListener('click', (ev) => {
  const a = (ev.target as Element | null)?.closest?.('a[data-href]');
  if (!a) return;
  ev.preventDefault();
  const href = a.getAttribute('data-href') ?? '';
  if (href === 'hoc:hint' || href.startsWith('hoc:hint?')) {
    const hint = document.getElementById('hint') as (HTMLElement & { open: boolean }) | null;
    if (hint) {
      hint.open = true;
      hint.scrollIntoView({ behavior: 'smooth' });
      patchState<StepGuideState>({ hintOpen: true });
    }
    return;
  }
  const what = a.textContent?.trim() || t('Working');
  const look = linkLook(href, current?.actions ?? []);
  const key = a.nextElementSibling?.classList.contains('link-result') ? linkResultKey(href) : undefined;
  if (look.run?.method === 'action')
    void run(what, async () => (await host.request('action', { id: (look.run as { id: string }).id })).summary, key);
  else if (look.run?.method === 'deploy') void run(what, async () => (await host.request('deploy', {})).summary, key);
  else if (look.run?.method === 'check') void run(what, async () => checkSummary(await host.request('check', {})), key);
  else void run(what, async () => (await host.request('link', { href }), undefined));
});

host.onEvent((e) => {
  if (e.type === 'step') render(e.step);
  else if (e.type === 'checks') showChecks(e.checks);
  else if (e.type === 'busy') status.say(e.what ?? '');
});
host.ready();
