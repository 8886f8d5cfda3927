// What can still be checked in a lesson.yaml that breaks its schema: each step, action and
// check keeps the fields that have the right shape and drops the rest, so one schema mistake
// (say `deploy:` for `deploys:`) does not hide the reference, link and file problems after it.
import type { Lesson, LessonAction, LessonCheck, LessonStep } from '../../shared/lessonTypes';

const isMap = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

// Items are never dropped: their index is how a problem finds its line in lesson.yaml.

/** Actions and checks keep every field (later checks test each field's type); id, title and type become strings. */
function item<T extends LessonAction | LessonCheck>(v: unknown, i: number): T {
  const m = isMap(v) ? v : {};
  const id = str(m.id) ?? `#${i + 1}`;
  return { ...m, type: str(m.type) ?? '', id, title: str(m.title) ?? '' } as unknown as T;
}

function step(value: unknown, i: number): LessonStep {
  const v = isMap(value) ? value : {};
  const solution = isMap(v.solution)
    ? (Object.fromEntries(Object.entries(v.solution).filter(([, f]) => typeof f === 'string')) as Record<
        string,
        string
      >)
    : undefined;
  return {
    id: str(v.id) ?? `#${i + 1}`,
    title: str(v.title) ?? '',
    // An empty path names no file, so the markdown checks skip a step without instructions.
    instructions: str(v.instructions) ?? '',
    objectives: Array.isArray(v.objectives) ? strings(v.objectives) : undefined,
    minutes: typeof v.minutes === 'number' ? v.minutes : undefined,
    deploys: strings(v.deploys),
    actions: (Array.isArray(v.actions) ? v.actions : []).map((a, j) => item<LessonAction>(a, j)),
    checks: (Array.isArray(v.checks) ? v.checks : []).map((c, j) => item<LessonCheck>(c, j)),
    hint: str(v.hint),
    solution,
  };
}

/** The lesson as far as it can be read; exact when the schema holds. */
export function salvageLesson(value: unknown): Lesson {
  const raw = isMap(value) ? value : {};
  return {
    id: str(raw.id) ?? '',
    title: str(raw.title) ?? '',
    summary: str(raw.summary) ?? '',
    version: str(raw.version) ?? '0.0.0',
    template: str(raw.template) || 'template.yaml',
    steps: (Array.isArray(raw.steps) ? raw.steps : []).map(step),
  };
}
