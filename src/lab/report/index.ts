// Reports of lesson runs: JUnit XML for CI, the JSON progress report a student hands in, and
// the CSV an instructor grades from.
export { junitXml, type JunitLessonRun } from './junitReport';
export {
  buildProgressReport,
  collectProgressReport,
  REPORT_FORMAT,
  type ProgressReport,
  type ReportMeta,
  type ReportStep,
  type ReportCheck,
} from './progressReport';
export { parseProgressReport, ReportInvalidError } from './readProgressReport';
export { gradeCsv, csvField, type GradedReport } from './gradeTable';
