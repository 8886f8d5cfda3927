// Command links in a step's markdown (`[Deploy](hoc:deploy)`), with their lines — read with
// the parser the step guide renders with — and the `hoc:` links that markdown did not take
// for links at all (they show as literal `[text](hoc:…)` text in the guide).
import type { Lesson, LessonDiagnostic, LessonStep } from '../../shared/lessonTypes';
import { isLessonLink, parseLessonLink } from '../../shared/lessonLinks';
import { parseStepMarkdown, type StepMarkdownToken } from '../../shared/stepMarkdown';
import { checkLink } from './linkChecks';

export interface StepLink {
  href: string;
  text: string;
  line: number;
  parsed: ReturnType<typeof parseLessonLink>;
}

export interface BrokenLink {
  /** The literal text, e.g. `[handler](hoc:open?file=a.ts&match=export const)`. */
  source: string;
  line: number;
}

/** `[text](hoc:…` left as text; a destination with spaces or unbalanced parentheses does this. */
const LITERAL_LINK = /\[[^\]]*\]\(\s*hoc:[^\n]*?(\)|$)/g;

/** Every `hoc:` link in a markdown text with its 1-based line, and the ones that did not parse. */
export function readStepLinks(markdown: string): { links: StepLink[]; broken: BrokenLink[] } {
  const lines = markdown.split('\n');
  const links: StepLink[] = [];
  const broken: BrokenLink[] = [];
  const visit = (tokens: StepMarkdownToken[], blockLine: number) => {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.children) visit(t.children, t.map ? t.map[0] : blockLine);
      if (t.type === 'text') {
        for (const m of t.content.matchAll(LITERAL_LINK))
          broken.push({ source: m[0], line: locate(lines, blockLine, m[0].slice(m[0].indexOf('](') + 2)) });
      }
      if (t.type !== 'link_open') continue;
      const href = String(t.attrGet('href') ?? '');
      if (!isLessonLink(href)) continue;
      let text = '';
      for (let j = i + 1; j < tokens.length && tokens[j].type !== 'link_close'; j++) text += tokens[j].content;
      links.push({ href, text, line: locate(lines, blockLine, href), parsed: parseLessonLink(href) });
    }
  };
  visit(parseStepMarkdown(markdown), 0);
  return { links, broken };
}

/** Every `hoc:` link in a markdown text, with its 1-based line. */
export function findStepLinks(markdown: string): StepLink[] {
  return readStepLinks(markdown).links;
}

/** The line of the block that holds the link; markdown-it gives the block's first line. */
function locate(lines: string[], from: number, href: string): number {
  const needle = href.slice(0, 40);
  for (let i = from; i < lines.length; i++)
    if (lines[i].includes(needle) || lines[i].includes(encodeURI(needle))) return i + 1;
  return from + 1;
}

export function checkStepMarkdown(
  markdown: string,
  file: string,
  step: LessonStep,
  lesson: Lesson,
  dir: string,
  resources: readonly string[] | undefined,
  content = false,
): LessonDiagnostic[] {
  const out: LessonDiagnostic[] = [];
  const { links, broken } = readStepLinks(markdown);
  for (const b of broken) {
    out.push({
      file,
      line: b.line,
      message: `'${b.source}' is not a link: markdown shows it as text. Write spaces in the URL as %20 (or put the URL in <…>) and close every parenthesis`,
    });
  }
  for (const link of links) {
    if (!link.parsed.ok) out.push({ file, line: link.line, message: link.parsed.error });
    else {
      const problem = checkLink(link.parsed.link, step, lesson, dir, resources, content);
      if (problem) out.push({ file, line: link.line, message: `link '${link.href}': ${problem}` });
    }
  }
  return out.sort((a, b) => a.line - b.line);
}
