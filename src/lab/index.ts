// The lesson engine's public face, for the editor (src/extension) and the `hoc` CLI.
export {
  validateLesson,
  loadLesson,
  LessonInvalidError,
  type LoadedLesson,
  type ValidationResult,
} from './validateLesson';
export { LabSession, NotDeployedError, emptyUsage, type LabSessionOptions, type Usage } from './session';
export { runAction, ACTION_TYPES } from './actions';
export { invokeFunction, invokeWith, type Invocation } from './actions/invoke';
export { runCheck, runChecks, CHECK_TYPES } from './checks';
export {
  runLesson,
  runStep,
  lessonCost,
  settleTimeMs,
  checkSettles,
  type LessonRun,
  type StepRun,
  type RunOptions,
} from './runner';
export {
  KeyValueProgressStore,
  JsonFileProgressStore,
  NOT_STARTED,
  recordChecks,
  recordStarted,
  stateAfterChecks,
  stepsLeft,
  type ProgressStore,
} from './progress';
export { findStepLinks, type StepLink } from './format/stepLinks';
export { checkLink } from './format/linkChecks';
export { expandTemplate, templateVariables, type TemplateVariable } from './urlTemplate';
export { LESSON_FILE } from './format/lessonFile';
export { judgeRuntime, runtimeWarnings, type RuntimeFinding } from './format/runtimeSupport';
export * from '../shared/lessonTypes';
export * from '../shared/lessonLinks';
export * from '../shared/lessonResults';
export * from './report';
export {
  createLesson,
  lessonIdFrom,
  titleFrom,
  NewLessonError,
  LESSON_TEMPLATE_DIR,
  type NewLesson,
  type NewLessonOptions,
} from './scaffold/newLesson';
export * from './course';
export * from './i18n';
