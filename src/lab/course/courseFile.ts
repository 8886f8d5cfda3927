// course.yaml: an optional file beside lesson folders that names a course, orders its lessons
// and gives each its prerequisites. `hoc lab run|validate|pack COURSE_DIR` and the Labs tree
// follow it. Problems come back as `course.yaml:LINE: message`, all of them in one pass.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import schema from '../../../schemas/course.schema.json';
import type { LessonDiagnostic } from '../../shared/lessonTypes';
import { LESSON_FILE } from '../format/lessonFile';
import { parseYaml, type YamlSource } from '../format/yamlSource';
import { prerequisiteProblems } from './prerequisites';

export const COURSE_FILE = 'course.yaml';

export interface CourseLesson {
  /** The lesson's folder name, as course.yaml writes it. */
  name: string;
  /** The folder's path (the course folder joined with `name`). */
  dir: string;
  /** Folder names of the lessons to finish first. */
  prerequisites: string[];
}

export interface Course {
  dir: string;
  title: string;
  summary: string;
  lessons: CourseLesson[];
}

export interface CourseFileResult {
  course?: Course;
  diagnostics: LessonDiagnostic[];
}

interface RawCourse {
  title: string;
  summary?: string;
  lessons: Array<{ lesson: string; prerequisites?: string[] }>;
}

let compiled: ReturnType<Ajv['compile']> | undefined;

export function isCourseDir(dir: string): boolean {
  return existsSync(join(dir, COURSE_FILE));
}

function schemaProblems(source: YamlSource): LessonDiagnostic[] {
  compiled ??= new Ajv({ allErrors: true, strict: false }).compile(schema);
  if (compiled(source.value)) return [];
  return (compiled.errors ?? []).map((e) => {
    const path = e.instancePath
      .split('/')
      .slice(1)
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const extra =
      e.keyword === 'additionalProperties'
        ? (e.params as { additionalProperty: string }).additionalProperty
        : undefined;
    const at = path.length
      ? path
          .map((p) => (typeof p === 'number' ? `[${p + 1}]` : `.${p}`))
          .join('')
          .slice(1)
      : 'course';
    const message = extra
      ? `${at} has unknown property '${extra}'; allowed: title, summary, lessons (each: lesson, prerequisites)`
      : `${at} ${e.message ?? 'is invalid'}`;
    return { file: COURSE_FILE, line: source.lineOf(extra ? [...path, extra] : path), message };
  });
}

/** Reads `dir/course.yaml`; every problem is reported, and `course` is set only when there are none. */
export function loadCourseFile(dir: string): CourseFileResult {
  let text: string;
  try {
    text = readFileSync(join(dir, COURSE_FILE), 'utf8');
  } catch {
    return {
      diagnostics: [
        { file: COURSE_FILE, line: 0, message: `no ${COURSE_FILE} here; a course folder holds one (title, lessons)` },
      ],
    };
  }
  const source = parseYaml(text, COURSE_FILE);
  if (source.errors.length) return { diagnostics: source.errors };
  // Schema problems do not hide the rest: every entry that names a lesson is checked too.
  const diagnostics = schemaProblems(source);
  const raw = (source.value ?? {}) as Partial<RawCourse>;
  const entries = Array.isArray(raw.lessons) ? raw.lessons : [];
  const lessons = entries.flatMap((l, i) =>
    l && typeof l.lesson === 'string'
      ? [
          {
            index: i,
            name: l.lesson,
            dir: join(dir, l.lesson),
            prerequisites: Array.isArray(l.prerequisites)
              ? l.prerequisites.filter((p): p is string => typeof p === 'string')
              : [],
          },
        ]
      : [],
  );
  const seen = new Set<string>();
  lessons.forEach((l) => {
    const line = source.lineOf(['lessons', l.index, 'lesson']);
    if (seen.has(l.name))
      diagnostics.push({
        file: COURSE_FILE,
        line,
        message: `lesson '${l.name}' is listed twice; list each lesson once`,
      });
    else if (l.name === '.' || l.name === '..' || !existsSync(join(l.dir, LESSON_FILE)))
      diagnostics.push({
        file: COURSE_FILE,
        line,
        message: `lesson '${l.name}' is unknown: there is no ${l.name}/${LESSON_FILE} beside ${COURSE_FILE}`,
      });
    seen.add(l.name);
  });
  for (const p of prerequisiteProblems(lessons))
    diagnostics.push({
      file: COURSE_FILE,
      line: source.lineOf(['lessons', lessons[p.index].index, 'prerequisites', p.prerequisite]),
      message: p.message,
    });
  diagnostics.sort((a, b) => a.line - b.line);
  if (diagnostics.length) return { diagnostics };
  return {
    course: {
      dir,
      title: String(raw.title),
      summary: raw.summary ?? '',
      lessons: lessons.map(({ name, dir: d, prerequisites }) => ({ name, dir: d, prerequisites })),
    },
    diagnostics,
  };
}
