// Lessons in a course's order, for the Labs view: lessons the course lists come first, in its
// order, each with its position and prerequisites; lessons it does not list follow as they were.
import { basename, dirname, resolve } from 'node:path';
import { loadCourseFile, type Course } from './courseFile';

export interface CoursePlace {
  /** The course's title. */
  course: string;
  /** 1-based position in the course. */
  position: number;
  /** Folder names of the lessons to finish first. */
  prerequisites: string[];
}

/** The valid course of each distinct parent folder of `dirs` (folders without a valid course.yaml are left out). */
export function coursesOf(dirs: readonly string[]): Course[] {
  const parents = [...new Set(dirs.map((d) => dirname(resolve(d))))];
  return parents.flatMap((p) => loadCourseFile(p).course ?? []);
}

/** Sorts `items` by the course their folder belongs to; `place` tells each listed one where it stands. */
export function orderByCourse<T extends { dir: string }>(
  items: readonly T[],
  courses: readonly Course[],
): Array<T & { place?: CoursePlace }> {
  const places = new Map<string, CoursePlace>();
  for (const c of courses)
    c.lessons.forEach((l, i) =>
      places.set(resolve(l.dir), { course: c.title, position: i + 1, prerequisites: l.prerequisites }),
    );
  const placed = items.map((item, i) => ({ item: { ...item, place: places.get(resolve(item.dir)) }, i }));
  placed.sort((a, b) => {
    const pa = a.item.place;
    const pb = b.item.place;
    if (pa && pb) return pa.course === pb.course ? pa.position - pb.position : a.i - b.i;
    if (pa || pb) return pa ? -1 : 1;
    return a.i - b.i;
  });
  return placed.map((p) => p.item);
}

/** The folder name a prerequisite names, shown by the lesson's title when it is known. */
export function prerequisiteTitles(
  place: CoursePlace,
  lessons: ReadonlyArray<{ dir: string; title: string }>,
): string[] {
  return place.prerequisites.map((name) => lessons.find((l) => basename(l.dir) === name)?.title ?? name);
}
