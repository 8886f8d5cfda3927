// `hoc lab new DIR` and the editor's *New Lesson…*: a lesson that validates and runs as made,
// copied from the lesson template shipped with the extension (templates/lesson/), with its id
// and title set. The template is itself a valid lesson, so what it promises is tested as is.
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { LESSON_FILE } from '../format/lessonFile';

/** Where the lesson template lives below the extension's (or the `hoc` package's) root. */
export const LESSON_TEMPLATE_DIR = join('templates', 'lesson');

export interface NewLessonOptions {
  /** Folder holding the lesson template (default: templates/lesson below `extensionRoot`). */
  templateDir: string;
  title?: string;
  /** Lesson id (default: made from the folder's name). */
  id?: string;
}

export interface NewLesson {
  dir: string;
  id: string;
  title: string;
  /** The files written, relative to `dir`, sorted. */
  files: string[];
}

/** An error the author can fix (the folder is not empty, the name makes no id). */
export class NewLessonError extends Error {}

/** `05 Serverless on AWS!` → `05-serverless-on-aws` (the lesson id pattern, at most 40 characters). */
export function lessonIdFrom(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/** `05-my-first-lambda` → `My first lambda` (a leading number is an ordering prefix, not a word). */
export function titleFrom(name: string): string {
  const words = name
    .replace(/^\d+[-_ ]*/, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  return words ? words[0].toUpperCase() + words.slice(1) : 'New lesson';
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(dir, join(prefix, e.name)) : [join(prefix, e.name)]))
    .sort();
}

export function createLesson(dir: string, o: NewLessonOptions): NewLesson {
  const target = resolve(dir);
  if (existsSync(target) && readdirSync(target).length)
    throw new NewLessonError(`${dir} is not empty; name a new folder (or an empty one) for the lesson`);
  if (!existsSync(join(o.templateDir, LESSON_FILE)))
    throw new NewLessonError(`the lesson template is missing at ${o.templateDir}; reinstall Hands-on Cloud`);
  const id = o.id ?? lessonIdFrom(basename(target));
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id) || id.length > 40)
    throw new NewLessonError(
      `'${basename(target)}' makes no lesson id (lower case letters, digits and dashes, at most 40); name the folder e.g. 06-my-lesson`,
    );
  const title = o.title?.trim() || titleFrom(basename(target));
  cpSync(o.templateDir, target, { recursive: true });
  // Through the YAML document, so the template's comments and layout stay and the title is quoted as YAML needs.
  const lessonPath = join(target, LESSON_FILE);
  const doc = parseDocument(readFileSync(lessonPath, 'utf8'));
  doc.set('id', id);
  doc.set('title', title);
  writeFileSync(lessonPath, doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
  return { dir: target, id, title, files: listFiles(target) };
}
