// What each action and command link last said, kept in the view's state keyed by action id (or
// `link:<href>`): the host resends the step after every progress or target change and the view
// redraws it, so a result lives here, not in the element, and stays beside the control that ran it.
import { patchState, vscodeApi } from '../common/vscodeApi';
import type { GuideResult, StepGuideState } from '../../shared/webviewProtocolStepGuide';

export const linkResultKey = (href: string): string => `link:${href}`;

function saved(): Record<string, GuideResult> {
  return vscodeApi<StepGuideState>().getState()?.results ?? {};
}

function paint(out: Element, r: GuideResult | undefined): void {
  out.textContent = r?.text ?? '';
  out.classList.toggle('error', Boolean(r?.error));
}

/** Shows the saved result in an output element just drawn (its data-result-for names the key). */
export function fillResult<E extends HTMLElement>(out: E): E {
  const key = out.getAttribute('data-result-for');
  if (key) paint(out, saved()[key]);
  return out;
}

/** Saves a result and shows it in whichever element now stands for its key (the step may have been redrawn). */
export function sayResult(key: string, text: string, kind: 'info' | 'error' = 'info'): void {
  const r: GuideResult = { text, error: kind === 'error' || undefined };
  patchState<StepGuideState>({ results: { ...saved(), [key]: r } });
  for (const out of document.querySelectorAll(`[data-result-for="${CSS.escape(key)}"]`)) paint(out, r);
}
