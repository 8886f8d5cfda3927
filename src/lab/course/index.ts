// Courses: course.yaml beside the lessons (order and prerequisites).
export {
  COURSE_FILE,
  isCourseDir,
  loadCourseFile,
  type Course,
  type CourseLesson,
  type CourseFileResult,
} from './courseFile';
export { validateCourse, type CourseValidation } from './validateCourse';
export { coursesOf, orderByCourse, prerequisiteTitles, type CoursePlace } from './courseOrder';
