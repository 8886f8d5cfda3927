// The step's learning objectives and estimated time, above its instructions.
import { h, icon } from '../common/dom';
import type { GuideStep } from '../../shared/webviewProtocolStepGuide';

export function renderObjectives(s: GuideStep): HTMLElement | null {
  const objectives = s.objectives ?? [];
  if (!objectives.length && s.minutes === undefined) return null;
  return h('section', { class: 'objectives', 'aria-label': 'Learning objectives' },
    s.minutes !== undefined ? h('p', { class: 'minutes' }, icon('clock'), ` About ${formatMinutes(s.minutes)}`) : null,
    objectives.length ? h('p', { class: 'objectives-title' }, 'In this step you will:') : null,
    objectives.length ? h('ul', {}, ...objectives.map((o) => h('li', {}, o))) : null,
  );
}

export function formatMinutes(m: number): string {
  const rounded = Math.round(m);
  if (rounded < 1) return 'a minute';
  if (rounded < 60) return `${rounded} minute${rounded === 1 ? '' : 's'}`;
  const hours = Math.floor(rounded / 60);
  const rest = rounded % 60;
  return `${hours} h${rest ? ` ${rest} min` : ''}`;
}
