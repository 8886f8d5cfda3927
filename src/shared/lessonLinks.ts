// Command links in step markdown, in the spirit of Cloud Shell tutorial directives.
// A link's target is `hoc:<verb>?<query>`; the editor turns each into a button and
// `hoc lab validate` checks every one. The scheme:
//
//   hoc:deploy[?step=ID]                    deploy the step's resources (default: this step)
//   hoc:action?id=ACTION[&step=ID]          run one of the step's actions
//   hoc:check[?step=ID]                     run the step's checks
//   hoc:open?file=PATH[&line=N|&match=RE]   open a lesson file at a line or the first regex match
//   hoc:reveal?view=VIEW | ?resource=ID     show a view (lesson, resources, logs, graph, metrics, cost) or a resource
//   hoc:terminal?cmd=COMMAND                run a command in a terminal with the target's environment
//   hoc:hint[?step=ID]                      show the step's hint
//   hoc:solution[?step=ID][&file=PATH]      show (a file of) the step's solution
import { LESSON_VIEWS, type LessonView } from './lessonTypes';

export type LessonLink =
  | { kind: 'deploy'; step?: string }
  | { kind: 'action'; id: string; step?: string }
  | { kind: 'check'; step?: string }
  | { kind: 'open'; file: string; line?: number; match?: string }
  | { kind: 'reveal'; view?: LessonView; resource?: string }
  | { kind: 'terminal'; cmd: string }
  | { kind: 'hint'; step?: string }
  | { kind: 'solution'; step?: string; file?: string };

export const LINK_SCHEME = 'hoc:';
export const LINK_VERBS = ['deploy', 'action', 'check', 'open', 'reveal', 'terminal', 'hint', 'solution'] as const;

export type LinkVerb = (typeof LINK_VERBS)[number];

/** The query parameters each verb takes (anything else is reported by `hoc lab validate`). */
export const LINK_PARAMS: Record<LinkVerb, readonly string[]> = {
  deploy: ['step'],
  action: ['id', 'step'],
  check: ['step'],
  open: ['file', 'line', 'match'],
  reveal: ['view', 'resource'],
  terminal: ['cmd'],
  hint: ['step'],
  solution: ['step', 'file'],
};

/** What each link does, one sentence (the authoring reference is generated from it). */
export const LINK_HELP: Record<LinkVerb, string> = {
  deploy: 'Deploy the resources of a step (default: this step) with their dependencies.',
  action: "Run one of a step's actions by its id.",
  check: "Run a step's checks and record the step's progress.",
  open: 'Open a lesson file, at a line or at the first line matching a regular expression.',
  reveal: `Show a view (${LESSON_VIEWS.join(', ')}) or a deployed resource in the Resources view.`,
  terminal: "Run a command in a terminal that has the target's environment (endpoint, credentials, region).",
  hint: "Show the step's hint.",
  solution: "Show the step's solution (one of its files, with file=).",
};

export type ParsedLink = { ok: true; link: LessonLink } | { ok: false; error: string };

export function isLessonLink(href: string): boolean {
  return href.startsWith(LINK_SCHEME);
}

/** Parses a `hoc:` link; the error says what a correct link looks like. */
export function parseLessonLink(href: string): ParsedLink {
  const rest = href.slice(LINK_SCHEME.length);
  const q = rest.indexOf('?');
  const verb = q < 0 ? rest : rest.slice(0, q);
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(q < 0 ? '' : rest.slice(q + 1));
  } catch {
    return { ok: false, error: `link '${href}' has a malformed query` };
  }
  if (!(LINK_VERBS as readonly string[]).includes(verb)) {
    return {
      ok: false,
      error: `unknown link 'hoc:${verb}'; use one of ${LINK_VERBS.map((v) => `hoc:${v}`).join(', ')}`,
    };
  }
  const v = verb as (typeof LINK_VERBS)[number];
  for (const key of params.keys()) {
    if (!LINK_PARAMS[v].includes(key)) {
      return {
        ok: false,
        error: `'hoc:${v}' has no parameter '${key}'; it takes ${LINK_PARAMS[v].join(', ') || 'none'}`,
      };
    }
  }
  const get = (k: string) => params.get(k) ?? undefined;
  switch (v) {
    case 'deploy':
    case 'check':
    case 'hint':
      return { ok: true, link: { kind: v, step: get('step') } };
    case 'action': {
      const id = get('id');
      if (!id) return { ok: false, error: `'hoc:action' needs an action id: hoc:action?id=ACTION` };
      return { ok: true, link: { kind: 'action', id, step: get('step') } };
    }
    case 'open': {
      const file = get('file');
      if (!file) return { ok: false, error: `'hoc:open' needs a file: hoc:open?file=PATH[&line=N]` };
      const lineText = get('line');
      const line = lineText === undefined ? undefined : Number(lineText);
      if (line !== undefined && !(Number.isInteger(line) && line >= 1))
        return { ok: false, error: `'hoc:open' line must be a positive whole number, not '${lineText}'` };
      const match = get('match');
      if (match !== undefined && line !== undefined)
        return { ok: false, error: `'hoc:open' takes line or match, not both` };
      if (match !== undefined) {
        try {
          new RegExp(match);
        } catch (e) {
          return { ok: false, error: `'hoc:open' match is not a valid regular expression: ${(e as Error).message}` };
        }
      }
      return { ok: true, link: { kind: 'open', file, line, match } };
    }
    case 'reveal': {
      const view = get('view');
      const resource = get('resource');
      if ((view === undefined) === (resource === undefined))
        return { ok: false, error: `'hoc:reveal' needs exactly one of view=VIEW or resource=LOGICAL_ID` };
      if (view !== undefined && !(LESSON_VIEWS as readonly string[]).includes(view)) {
        return { ok: false, error: `unknown view '${view}'; views are ${LESSON_VIEWS.join(', ')}` };
      }
      return { ok: true, link: { kind: 'reveal', view: view as LessonView | undefined, resource } };
    }
    case 'terminal': {
      const cmd = get('cmd');
      if (!cmd) return { ok: false, error: `'hoc:terminal' needs a command: hoc:terminal?cmd=aws%20sqs%20list-queues` };
      return { ok: true, link: { kind: 'terminal', cmd } };
    }
    case 'solution':
      return { ok: true, link: { kind: 'solution', step: get('step'), file: get('file') } };
  }
}
