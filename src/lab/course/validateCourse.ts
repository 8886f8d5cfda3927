// A course validated as a whole: course.yaml (unknown lessons, prerequisites, cycles), every
// lesson it lists, and lesson ids unique across the course. Diagnostics name files relative
// to the course folder (course.yaml, 05-serverless/lesson.yaml …).
import { join } from 'node:path';
import type { Lesson, LessonDiagnostic } from '../../shared/lessonTypes';
import { validateLesson, type ValidateOptions } from '../validateLesson';
import { COURSE_FILE, loadCourseFile, type Course } from './courseFile';

export interface CourseValidation {
  course?: Course;
  /** The lessons that validated, in course order. */
  lessons: Array<{ name: string; dir: string; lesson: Lesson; resources: number }>;
  diagnostics: LessonDiagnostic[];
}

/** `options.author`: the author's checks too (`hoc lab validate`, `hoc pack`), as validateLesson takes them. */
export function validateCourse(dir: string, options: ValidateOptions = {}): CourseValidation {
  const { course, diagnostics } = loadCourseFile(dir);
  const lessons: CourseValidation['lessons'] = [];
  if (!course) return { lessons, diagnostics };
  const ids = new Map<string, string>();
  course.lessons.forEach((entry) => {
    const r = validateLesson(entry.dir, options);
    diagnostics.push(...r.diagnostics.map((d) => ({ ...d, file: join(entry.name, d.file) })));
    if (!r.lesson) return;
    const other = ids.get(r.lesson.id);
    // Physical names and progress are keyed by lesson id: two lessons with one id would share them.
    if (other)
      diagnostics.push({
        file: COURSE_FILE,
        line: 0,
        message: `lessons '${other}' and '${entry.name}' have the same id '${r.lesson.id}'; give each lesson its own id`,
      });
    ids.set(r.lesson.id, entry.name);
    if (!r.diagnostics.length)
      lessons.push({
        name: entry.name,
        dir: entry.dir,
        lesson: r.lesson,
        resources: Object.keys(r.template?.authored ?? {}).length,
      });
  });
  return { course, lessons, diagnostics };
}
