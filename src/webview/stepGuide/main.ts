// Step guide view: renders the step the host sends (instructions HTML from markdown-it with raw
// HTML disabled, actions, checks), routes link clicks and buttons back to the host.
import '../common/elements';
import { HostClient } from '../common/rpc';
import { appRoot, h, icon, statusLine, clear } from '../common/dom';
import { patchState, vscodeApi } from '../common/vscodeApi';
import type { GuideCheck, GuideStep, StepGuideEvent, StepGuideMethods, StepGuideState } from '../../shared/webviewProtocolStepGuide';
import { renderChecks } from './checkList';

const host = new HostClient<StepGuideMethods, StepGuideEvent>();
const root = appRoot();
const status = statusLine();
let busy = false;

function button(iconName: string, label: string, onClick: () => void, opts: { secondary?: boolean; id?: string } = {}): HTMLElement {
  return h('vscode-button', { id: opts.id, secondary: opts.secondary, 'aria-label': label, onclick: onClick }, icon(iconName), ` ${label}`);
}

/** Runs one host request with the buttons disabled and its outcome in the status line. */
async function run(what: string, work: () => Promise<string | undefined>): Promise<void> {
  if (busy) return;
  busy = true;
  root.classList.add('busy');
  status.say(`${what}…`);
  try {
    status.say((await work()) ?? '');
  } catch (e) {
    status.say((e as Error).message, 'error');
  } finally {
    busy = false;
    root.classList.remove('busy');
  }
}

function showChecks(checks: GuideCheck[]): void {
  const list = document.getElementById('checks');
  if (list) list.replaceWith(renderChecks(checks));
}

function render(s: GuideStep): void {
  const saved = vscodeApi<StepGuideState>().getState();
  const sameStep = saved?.stepId === s.stepId;
  patchState<StepGuideState>({ lessonDir: s.lessonDir, stepId: s.stepId, hintOpen: sameStep ? saved?.hintOpen : false });
  const content = h('article', { class: 'instructions' });
  content.innerHTML = s.html; // markdown-it output, raw HTML disabled; CSP forbids inline script
  const stateText = s.state === 'done' ? 'Done' : s.state === 'checkFailed' ? 'Checks failed' : s.state === 'inProgress' ? 'In progress' : 'Not started';

  const actions = h('div', { class: 'toolbar actions', role: 'group', 'aria-label': 'Step actions' },
    ...s.actions.map((a) => button(a.icon, a.label, () => void run(a.label, async () => (await host.request('action', { id: a.id })).summary), { secondary: true })),
  );
  const hint = s.hintHtml
    ? h('vscode-collapsible', { title: 'Hint', id: 'hint', open: sameStep && saved?.hintOpen ? true : undefined }, hintBody(s.hintHtml))
    : null;
  const solution = s.solutionFiles.length
    ? h('div', { class: 'solution' }, button('lightbulb', 'Show solution', () => void run('Opening the solution', async () => (await host.request('solution', {}), 'The solution is open beside your file.')), { secondary: true }))
    : null;

  clear(root);
  root.append(
    h('header', { class: 'guide-header' },
      h('p', { class: 'crumb' }, `${s.lessonTitle} · step ${s.index + 1} of ${s.count} · `, h('span', { class: 'target' }, icon('cloud'), ` ${s.target}`)),
      h('h1', {}, h('span', { class: `state state-${s.state}`, title: stateText, 'aria-label': stateText }, icon(s.state === 'done' ? 'pass-filled' : s.state === 'checkFailed' ? 'error' : 'circle-large-outline')), ` ${s.title}`),
    ),
    content,
    ...(s.actions.length ? [h('h2', {}, 'Actions'), actions] : []),
    h('h2', {}, 'Checks'),
    renderChecks(s.checks),
    h('div', { class: 'toolbar' },
      button('checklist', 'Check my progress', () => void run('Checking', async () => {
        const checks = await host.request('check', {});
        showChecks(checks);
        const passed = checks.filter((c) => c.passed).length;
        return passed === checks.length ? `All ${checks.length} checks pass — step done.` : `${passed} of ${checks.length} checks pass.`;
      }), { id: 'check-progress' }),
    ),
    ...(hint ? [hint] : []),
    ...(solution ? [solution] : []),
    status.el,
    h('nav', { class: 'toolbar nav', 'aria-label': 'Steps' },
      button('arrow-left', 'Previous', () => void host.request('navigate', { to: 'previous' }), { secondary: true, id: 'previous' }),
      button('arrow-right', 'Next', () => void host.request('navigate', { to: 'next' }), { id: 'next' }),
    ),
  );
  (document.getElementById('previous') as HTMLElement & { disabled: boolean }).disabled = s.index === 0;
  (document.getElementById('next') as HTMLElement & { disabled: boolean }).disabled = s.index === s.count - 1;
  document.getElementById('hint')?.addEventListener('vsc-collapsible-toggle', (ev) => patchState<StepGuideState>({ hintOpen: Boolean((ev as CustomEvent<{ open: boolean }>).detail?.open) }));
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
  void run(a.textContent?.trim() || 'Working', async () => {
    await host.request('link', { href });
    return undefined;
  });
});

host.onEvent((e) => {
  if (e.type === 'step') render(e.step);
  else if (e.type === 'checks') showChecks(e.checks);
  else if (e.type === 'busy') status.say(e.what ?? '');
});
host.ready();
