// How a `hoc:` link in the instructions looks: one that changes the cloud (deploy, an action
// that sends, invokes, uploads…, a terminal command) is a button with a codicon; one that
// only opens a file, a view, the hint or the solution stays a text link. Pure, for tests.
import { parseLessonLink } from '../../shared/lessonLinks';
import type { GuideAction } from '../../shared/webviewProtocolStepGuide';

export interface LinkLook {
  kind: 'cloud' | 'view' | 'invalid';
  icon: string;
  /** Set when the link runs something of this step whose result can be shown beside it. */
  run?: { method: 'deploy' } | { method: 'action'; id: string } | { method: 'check' };
}

export function linkLook(href: string, actions: readonly GuideAction[]): LinkLook {
  const parsed = parseLessonLink(href);
  if (!parsed.ok) return { kind: 'invalid', icon: 'warning' };
  const link = parsed.link;
  switch (link.kind) {
    case 'deploy':
      return { kind: 'cloud', icon: 'cloud-upload', run: link.step ? undefined : { method: 'deploy' } };
    case 'terminal':
      return { kind: 'cloud', icon: 'terminal' };
    case 'action': {
      // Another step's actions are not known here; a button errs on the side of "this does something".
      const action = link.step ? undefined : actions.find((a) => a.id === link.id);
      if (action && action.changesCloud === false) return { kind: 'view', icon: action.icon };
      return {
        kind: 'cloud',
        icon: action?.icon ?? 'play',
        run: action ? { method: 'action', id: action.id } : undefined,
      };
    }
    case 'check':
      return { kind: 'view', icon: 'checklist', run: link.step ? undefined : { method: 'check' } };
    case 'open':
      return { kind: 'view', icon: 'go-to-file' };
    case 'reveal':
      return { kind: 'view', icon: 'eye' };
    case 'hint':
      return { kind: 'view', icon: 'question' };
    case 'solution':
      return { kind: 'view', icon: 'lightbulb' };
  }
}
