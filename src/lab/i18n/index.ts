// Lessons in the reader's language (see lessonTranslation.ts for the files an author writes).
export { SOURCE_LANGUAGE, normalizeLanguage, languageFromEnvironment, pickTranslation } from './lessonLanguage';
export {
  lessonLanguages,
  translatedInstructions,
  translationFileName,
  type LessonTranslation,
  type StepTranslation,
} from './lessonTranslation';
export { localizeLesson } from './localizeLesson';
export { checkTranslations } from './checkTranslations';
