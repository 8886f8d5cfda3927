// Step markdown → HTML for the step guide. Raw HTML in the markdown is disabled (so a lesson
// can never inject markup or script); links become buttons the view routes back to the host
// (`hoc:` command links, lesson files, web pages); relative images load from the lesson folder.
import MarkdownIt from 'markdown-it';
import { isLessonLink, parseLessonLink } from '../../shared/lessonLinks';

export interface RenderOptions {
  /** Turns a lesson-relative image path into a URL the webview may load (undefined: drop it). */
  imageUrl(relativePath: string): string | undefined;
}

const md = new MarkdownIt({ html: false, linkify: true, typographer: true });
const defaultValidate = md.validateLink.bind(md);
// hoc: links are ours; everything else as markdown-it decides (no javascript:, vbscript:, file:).
md.validateLink = (url: string) => isLessonLink(String(url)) || defaultValidate(url);

md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  const href = String(token.attrGet('href') ?? '');
  token.attrSet('data-href', href);
  token.attrSet('href', '#');
  if (isLessonLink(href)) {
    const parsed = parseLessonLink(href);
    token.attrJoin('class', parsed.ok ? `hoc-link hoc-${parsed.link.kind}` : 'hoc-link hoc-invalid');
    token.attrSet('role', 'button');
    if (!parsed.ok) token.attrSet('title', parsed.error);
  } else if (/^https?:/i.test(href)) {
    token.attrJoin('class', 'external-link');
    token.attrSet('title', href);
  } else {
    token.attrJoin('class', 'file-link');
  }
  return self.renderToken(tokens, idx, options);
};

md.renderer.rules.image = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  const src = String(token.attrGet('src') ?? '');
  const resolved = /^[a-z][a-z0-9+.-]*:/i.test(src) ? undefined : (env as unknown as RenderOptions).imageUrl(src.replace(/^\.\//, ''));
  if (!resolved) return `<span class="image-missing">[${md.utils.escapeHtml(token.content || src)}]</span>`;
  token.attrSet('src', resolved);
  token.attrSet('alt', token.content);
  return self.renderToken(tokens, idx, options);
};

export function renderStepMarkdown(markdown: string, options: RenderOptions): string {
  return md.render(markdown, options as unknown as Record<string, unknown>);
}

/** The first heading of a step file, if any (steps may repeat their title there). */
export function stripLeadingTitle(markdown: string): string {
  return markdown.replace(/^\s*#\s+[^\n]*\n/, '');
}
