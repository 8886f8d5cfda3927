// Step markdown → HTML for the step guide, and the parser `hoc lab validate` reads links with
// (one configuration, so what validates is what renders). Raw HTML is escaped except the
// tags of a "Think" question — <details>, <summary> and their closing tags, without any
// attribute — so a lesson can never inject markup, script or inline handlers. Links become
// elements the view routes back to the host (`hoc:` command links, lesson files, web pages);
// relative images load from the lesson folder.
import MarkdownIt from 'markdown-it';
import { isLessonLink, parseLessonLink } from './lessonLinks';

export interface RenderOptions {
  /** Turns a lesson-relative image path into a URL the webview may load (undefined: drop it). */
  imageUrl(relativePath: string): string | undefined;
}

const ALLOWED_TAG = /^<\/?(details|summary)\s*>$/i;

/** Raw HTML from a lesson: the allowed bare tags stay, comments go, everything else shows as text. */
export function sanitizeLessonHtml(html: string): string {
  const md = parser();
  const withoutComments = html.replace(/<!--[\s\S]*?(-->|$)/g, '');
  let out = '';
  let last = 0;
  for (const m of withoutComments.matchAll(/<[^<>]*>/g)) {
    out += md.utils.escapeHtml(withoutComments.slice(last, m.index));
    out += ALLOWED_TAG.test(m[0]) ? m[0].toLowerCase().replace(/\s+/g, '') : md.utils.escapeHtml(m[0]);
    last = m.index + m[0].length;
  }
  return out + md.utils.escapeHtml(withoutComments.slice(last));
}

type Parser = InstanceType<typeof MarkdownIt>;

let configured: Parser | undefined;

/**
 * The one parser, configured on first use: made when the module loads, it made the editor load
 * markdown-it while the extension activates, before any step is read.
 */
function parser(): Parser {
  if (configured) return configured;
  const md = new MarkdownIt({ html: true, linkify: true, typographer: true });
  const defaultValidate = md.validateLink.bind(md);
  // hoc: links are ours; everything else as markdown-it decides (no javascript:, vbscript:, file:).
  md.validateLink = (url: string) => isLessonLink(String(url)) || defaultValidate(url);

  md.renderer.rules.html_block = (tokens, idx) => sanitizeLessonHtml(tokens[idx].content);
  md.renderer.rules.html_inline = (tokens, idx) => sanitizeLessonHtml(tokens[idx].content);

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
    const resolved = /^[a-z][a-z0-9+.-]*:/i.test(src)
      ? undefined
      : (env as unknown as RenderOptions).imageUrl(src.replace(/^\.\//, ''));
    if (!resolved) return `<span class="image-missing">[${md.utils.escapeHtml(token.content || src)}]</span>`;
    token.attrSet('src', resolved);
    token.attrSet('alt', token.content);
    return self.renderToken(tokens, idx, options);
  };
  configured = md;
  return md;
}

export function renderStepMarkdown(markdown: string, options: RenderOptions): string {
  return parser().render(markdown, options as unknown as Record<string, unknown>);
}

export type StepMarkdownToken = ReturnType<Parser['parse']>[number];

/** The tokens the renderer sees, for checks that read a step's links. */
export function parseStepMarkdown(markdown: string): StepMarkdownToken[] {
  return parser().parse(markdown, {});
}

/** The first heading of a step file, if any (steps may repeat their title there). */
export function stripLeadingTitle(markdown: string): string {
  return markdown.replace(/^\s*#\s+[^\n]*\n/, '');
}
