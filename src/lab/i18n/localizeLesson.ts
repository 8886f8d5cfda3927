// A lesson in the reader's language: the translation that best fits the display language,
// applied string by string and file by file over the English lesson (which stays the source
// of every id, path and action).
import { existsSync } from 'node:fs';
import type { Lesson } from '../../shared/lessonTypes';
import { insideLesson } from '../format/lessonPaths';
import { pickTranslation } from './lessonLanguage';
import { lessonLanguages, readOverlay, translatedInstructions, translateStep } from './lessonTranslation';

export function localizeLesson(dir: string, lesson: Lesson, displayLanguage: string): Lesson {
  const language = pickTranslation(displayLanguage, lessonLanguages(dir, lesson));
  if (!language) return lesson;
  const { translation } = readOverlay(dir, language);
  const steps = lesson.steps.map((step) => {
    const md = step.instructions ? translatedInstructions(step.instructions, language) : undefined;
    const path = md ? insideLesson(dir, md) : undefined;
    return translateStep(step, translation.steps?.[step.id], path && existsSync(path) ? md : undefined);
  });
  return {
    ...lesson,
    title: translation.title ?? lesson.title,
    summary: translation.summary ?? lesson.summary,
    steps,
    language,
  };
}
