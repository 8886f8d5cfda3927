// Problems in file order: lesson.yaml, then the template, then every other file by path
// (steps/2… before steps/10…), each file top to bottom. One problem per place and message.
import type { LessonDiagnostic } from '../../shared/lessonTypes';
import { LESSON_FILE } from './lessonFile';

export function inFileOrder(diagnostics: LessonDiagnostic[], templateFile: string): LessonDiagnostic[] {
  const rank = (f: string) => (f === LESSON_FILE ? 0 : f === templateFile ? 1 : 2);
  const seen = new Set<string>();
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort(
      (a, b) =>
        rank(a.d.file) - rank(b.d.file) ||
        a.d.file.localeCompare(b.d.file, 'en', { numeric: true }) ||
        a.d.line - b.d.line ||
        a.i - b.i,
    )
    .map(({ d }) => d)
    .filter((d) => {
      const key = `${d.file}\u0000${d.line}\u0000${d.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
