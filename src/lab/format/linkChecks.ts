// Whether one parsed `hoc:` link can work in its lesson: the step, action, file, line, match,
// view or resource it names must exist.
import type { Lesson, LessonStep } from '../../shared/lessonTypes';
import type { LessonLink } from '../../shared/lessonLinks';
import { describeOpenTarget } from './openTarget';

/** The reason a link cannot work in this lesson, or undefined when it can. */
/** `resources` is undefined when the template could not be read (resource links are then not judged). */
/** `content`: judge open links' line and match against the files as they are now (see openTarget.ts). */
export function checkLink(
  link: LessonLink,
  step: LessonStep,
  lesson: Lesson,
  dir: string,
  resources: readonly string[] | undefined,
  content = false,
): string | undefined {
  const target = (id?: string) => (id === undefined ? step : lesson.steps.find((s) => s.id === id));
  const noStep = (id?: string) =>
    `names step '${id}', which lesson.yaml does not have; steps are ${lesson.steps.map((s) => s.id).join(', ')}`;
  switch (link.kind) {
    case 'deploy':
    case 'check':
    case 'hint': {
      const s = target(link.step);
      if (!s) return noStep(link.step);
      if (link.kind === 'deploy' && s.deploys.length === 0)
        return `step '${s.id}' deploys nothing; add 'deploys:' to it or remove the link`;
      if (link.kind === 'check' && s.checks.length === 0) return `step '${s.id}' has no checks`;
      if (link.kind === 'hint' && !s.hint) return `step '${s.id}' has no hint`;
      return undefined;
    }
    case 'action': {
      const s = target(link.step);
      if (!s) return noStep(link.step);
      if (!s.actions.some((a) => a.id === link.id)) {
        return `names action '${link.id}', which step '${s.id}' does not have; its actions are ${s.actions.map((a) => a.id).join(', ') || 'none'}`;
      }
      return undefined;
    }
    case 'solution': {
      const s = target(link.step);
      if (!s) return noStep(link.step);
      if (!s.solution) return `step '${s.id}' has no solution`;
      if (link.file && !(link.file in s.solution)) return `step '${s.id}' has no solution for '${link.file}'`;
      return undefined;
    }
    case 'open':
      return describeOpenTarget(dir, link.file, 'link opens', { line: link.line, match: link.match }, content);
    case 'reveal':
      if (link.resource && resources && !resources.includes(link.resource))
        return `reveals '${link.resource}', which is not a resource of the template`;
      return undefined;
    case 'terminal':
      return undefined;
  }
}
