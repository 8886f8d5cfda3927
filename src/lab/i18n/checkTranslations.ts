// `hoc lab validate` on a lesson's translations: a translated step keeps every hoc: link of
// the English file, in the same order (a student in either language gets the same buttons),
// and lesson.<lang>.yaml names only steps, actions and checks the lesson has.
import { readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import type { Lesson, LessonDiagnostic, LessonStep } from '../../shared/lessonTypes';
import { insideLesson } from '../format/lessonPaths';
import { readStepLinks, type StepLink } from '../format/stepLinks';
import { lessonLanguages, readOverlay, translatedInstructions, type OverlayFile } from './lessonTranslation';

export function checkTranslations(dir: string, lesson: Lesson): LessonDiagnostic[] {
  const out: LessonDiagnostic[] = [];
  for (const language of lessonLanguages(dir, lesson)) {
    out.push(...checkOverlay(readOverlay(dir, language), lesson));
    const translated = new Set<string>();
    for (const step of lesson.steps) {
      if (!step.instructions) continue;
      const file = translatedInstructions(step.instructions, language);
      translated.add(file);
      const original = read(dir, step.instructions);
      const translation = read(dir, file);
      if (original !== undefined && translation !== undefined)
        out.push(...compareLinks(step.instructions, original, file, translation));
    }
    out.push(...strayFiles(dir, lesson, language, translated));
  }
  return out;
}

function read(dir: string, rel: string): string | undefined {
  const path = insideLesson(dir, rel);
  if (!path) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The links of the translation against the original's, aligned by their longest common run. */
function compareLinks(originalFile: string, original: string, file: string, translation: string): LessonDiagnostic[] {
  const a = readStepLinks(original).links;
  const { links: b, broken } = readStepLinks(translation);
  const out: LessonDiagnostic[] = broken.map((x) => ({
    file,
    line: x.line,
    message: `'${x.source}' is not a link: markdown shows it as text. Write spaces in the URL as %20 (or put the URL in <…>) and close every parenthesis`,
  }));
  const same = (x: StepLink, y: StepLink) => x.href === y.href;
  // lcs[i][j]: how many links a[i..] and b[j..] share in order.
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i][j] = same(a[i], b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  let i = 0;
  let j = 0;
  const endLine = translation.split('\n').length;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && same(a[i], b[j])) {
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
      out.push({
        file,
        line: b[j].line,
        message: `link '${b[j].href}' is not in the English ${originalFile} at this place; a translation keeps the original's hoc: links and actions, in the same order`,
      });
      j++;
    } else {
      const line = j < b.length ? b[j].line : endLine;
      out.push({
        file,
        line,
        message: `the translation lacks the link '${a[i].href}' of ${originalFile}:${a[i].line}${j < b.length ? ` before '${b[j].href}'` : ' here at the end'}; a translation keeps the original's hoc: links and actions, in the same order`,
      });
      i++;
    }
  }
  return out;
}

function checkOverlay(o: OverlayFile, lesson: Lesson): LessonDiagnostic[] {
  const out = [...o.diagnostics];
  if (!o.source) return out;
  const at = (path: (string | number)[], message: string) =>
    out.push({ file: o.file, line: o.source!.lineOf(path), message });
  const steps = new Map(lesson.steps.map((s) => [s.id, s]));
  for (const [id, t] of Object.entries(o.translation.steps ?? {})) {
    const step = steps.get(id);
    if (!step) {
      at(['steps', id], `'${id}' names no step of this lesson; its steps are ${[...steps.keys()].join(', ')}`);
      continue;
    }
    if (t.hint && step.hint === undefined)
      at(['steps', id, 'hint'], `step '${id}' has no hint in lesson.yaml to translate`);
    if (t.objectives && t.objectives.length !== (step.objectives?.length ?? 0)) {
      at(
        ['steps', id, 'objectives'],
        `step '${id}' has ${step.objectives?.length ?? 0} objective(s) in lesson.yaml and ${t.objectives.length} here; translate each one, in the same order`,
      );
    }
    for (const list of ['actions', 'checks'] as const) {
      const ids = step[list].map((x) => x.id);
      for (const key of Object.keys(t[list] ?? {})) {
        if (!ids.includes(key))
          at(
            ['steps', id, list, key],
            `'${key}' names no ${list === 'actions' ? 'action' : 'check'} of step '${id}'${ids.length ? `; its ${list} are ${ids.join(', ')}` : ''}`,
          );
      }
    }
  }
  return out;
}

/** Markdown in a translation folder that translates no step (a renamed English file, a typo). */
function strayFiles(dir: string, lesson: Lesson, language: string, translated: Set<string>): LessonDiagnostic[] {
  const out: LessonDiagnostic[] = [];
  for (const folder of new Set(
    lesson.steps
      .filter((s: LessonStep) => s.instructions)
      .map((s) => posix.join(posix.dirname(s.instructions), language)),
  )) {
    const abs = insideLesson(dir, folder);
    let names: string[] = [];
    try {
      names = abs ? readdirSync(abs).filter((n) => n.endsWith('.md')) : [];
    } catch {
      continue;
    }
    for (const name of names) {
      const file = posix.join(folder, name);
      if (!translated.has(file))
        out.push({
          file,
          line: 0,
          message: `no step's instructions are ${posix.join(posix.dirname(folder), name)}; a translation has the English file's name`,
        });
    }
  }
  return out;
}
