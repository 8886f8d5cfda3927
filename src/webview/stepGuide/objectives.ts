// The step's learning objectives and estimated time, above its instructions.
import { h, icon } from '../common/dom';
import { t } from '../common/l10n';
import type { GuideStep } from '../../shared/webviewProtocolStepGuide';

export function renderObjectives(s: GuideStep): HTMLElement | null {
  const objectives = s.objectives ?? [];
  if (!objectives.length && s.minutes === undefined) return null;
  return h(
    'section',
    { class: 'objectives', 'aria-label': t('Learning objectives') },
    s.minutes !== undefined
      ? h('p', { class: 'minutes' }, icon('clock'), ` ${t('About {0}', formatMinutes(s.minutes))}`)
      : null,
    objectives.length ? h('p', { class: 'objectives-title' }, t('In this step you will:')) : null,
    objectives.length ? h('ul', {}, ...objectives.map((o) => h('li', {}, o))) : null,
  );
}

export function formatMinutes(m: number): string {
  const rounded = Math.round(m);
  if (rounded < 1) return t('a minute');
  if (rounded < 60) return rounded === 1 ? t('1 minute') : t('{0} minutes', rounded);
  const hours = Math.floor(rounded / 60);
  const rest = rounded % 60;
  return `${hours} h${rest ? ` ${rest} min` : ''}`;
}
