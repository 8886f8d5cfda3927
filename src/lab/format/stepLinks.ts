// Command links in a step's markdown (`[Deploy](hoc:deploy)`), with their lines, and the
// checks `hoc lab validate` runs on them.
import MarkdownIt from 'markdown-it';
import type { Lesson, LessonDiagnostic, LessonStep } from '../../shared/lessonTypes';
import { isLessonLink, parseLessonLink, type LessonLink } from '../../shared/lessonLinks';
import { describePathProblem } from './lessonPaths';

export interface StepLink {
  href: string;
  text: string;
  line: number;
  parsed: ReturnType<typeof parseLessonLink>;
}

const md = new MarkdownIt({ html: false, linkify: false });
type Token = ReturnType<typeof md.parse>[number];

/** Every `hoc:` link in a markdown text, with its 1-based line. */
export function findStepLinks(markdown: string): StepLink[] {
  const lines = markdown.split('\n');
  const out: StepLink[] = [];
  const visit = (tokens: Token[], blockLine: number) => {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.children) visit(t.children, t.map ? t.map[0] : blockLine);
      if (t.type !== 'link_open') continue;
      const href = String(t.attrGet('href') ?? '');
      if (!isLessonLink(href)) continue;
      let text = '';
      for (let j = i + 1; j < tokens.length && tokens[j].type !== 'link_close'; j++) text += tokens[j].content;
      out.push({ href, text, line: locate(lines, blockLine, href), parsed: parseLessonLink(href) });
    }
  };
  visit(md.parse(markdown, {}), 0);
  return out;
}

/** The line of the block that holds the link; markdown-it gives the block's first line. */
function locate(lines: string[], from: number, href: string): number {
  const needle = href.slice(0, 40);
  for (let i = from; i < lines.length; i++) if (lines[i].includes(needle) || lines[i].includes(encodeURI(needle))) return i + 1;
  return from + 1;
}

/** The reason a link cannot work in this lesson, or undefined when it can. */
/** `resources` is undefined when the template could not be read (resource links are then not judged). */
export function checkLink(link: LessonLink, step: LessonStep, lesson: Lesson, dir: string, resources: readonly string[] | undefined): string | undefined {
  const target = (id?: string) => (id === undefined ? step : lesson.steps.find((s) => s.id === id));
  const noStep = (id?: string) => `names step '${id}', which lesson.yaml does not have; steps are ${lesson.steps.map((s) => s.id).join(', ')}`;
  switch (link.kind) {
    case 'deploy':
    case 'check':
    case 'hint': {
      const s = target(link.step);
      if (!s) return noStep(link.step);
      if (link.kind === 'deploy' && s.deploys.length === 0) return `step '${s.id}' deploys nothing; add 'deploys:' to it or remove the link`;
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
      return describePathProblem(dir, link.file, 'link opens');
    case 'reveal':
      if (link.resource && resources && !resources.includes(link.resource)) return `reveals '${link.resource}', which is not a resource of the template`;
      return undefined;
    case 'terminal':
      return undefined;
  }
}

export function checkStepMarkdown(markdown: string, file: string, step: LessonStep, lesson: Lesson, dir: string, resources: readonly string[] | undefined): LessonDiagnostic[] {
  const out: LessonDiagnostic[] = [];
  for (const link of findStepLinks(markdown)) {
    if (!link.parsed.ok) out.push({ file, line: link.line, message: link.parsed.error });
    else {
      const problem = checkLink(link.parsed.link, step, lesson, dir, resources);
      if (problem) out.push({ file, line: link.line, message: `link '${link.href}': ${problem}` });
    }
  }
  return out;
}
