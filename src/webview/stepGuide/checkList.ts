// The step's checks as a list: each sentence with pass / fail / not run, and the reason a
// failing check gave ("queue photos has 0 messages; send one first").
import { h, icon } from '../common/dom';
import { t } from '../common/l10n';
import type { GuideCheck } from '../../shared/webviewProtocolStepGuide';

export function renderChecks(checks: GuideCheck[]): HTMLElement {
  if (checks.length === 0)
    return h(
      'p',
      { id: 'checks', class: 'note' },
      t('This step has no checks: tick it in the Labs view when you are done.'),
    );
  return h(
    'ul',
    { id: 'checks', class: 'checks', 'aria-live': 'polite' },
    ...checks.map((c) => {
      const state = c.passed === undefined ? 'unknown' : c.passed ? 'passed' : 'failed';
      const label = state === 'unknown' ? t('not checked yet') : state === 'passed' ? t('passed') : t('failed');
      return h(
        'li',
        { class: `check check-${state}`, 'data-check': c.id },
        h(
          'span',
          { class: 'check-icon', role: 'img', 'aria-label': label },
          icon(state === 'passed' ? 'pass-filled' : state === 'failed' ? 'error' : 'circle-large-outline'),
        ),
        h('span', { class: 'sentence' }, c.sentence),
        c.reason && !c.passed ? h('span', { class: 'reason' }, c.reason) : null,
      );
    }),
  );
}
