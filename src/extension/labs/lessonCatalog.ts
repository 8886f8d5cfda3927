// The lessons a student can open: labs/*/lesson.yaml in each workspace folder (or a folder
// that is itself a lesson), then the lessons bundled in the extension's own labs/. A lesson in
// the workspace wins over a bundled one with the same id (it is the student's copy).
import * as vscode from 'vscode';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Lesson, LessonDiagnostic } from '../../shared/lessonTypes';
import type { LessonTemplate } from '../../cloud/template/model';
import { coursesOf, orderByCourse, type CoursePlace } from '../../lab/course';
import { loadLessonFrom } from './labEngine';
import { log } from '../log';

export interface CatalogLesson {
  dir: string;
  lesson: Lesson;
  template?: LessonTemplate;
  bundled: boolean;
  /**
   * The extension's own copy of this lesson when the student works on a copy of it: its
   * prebuilt bundles deploy the copy's unchanged functions without node_modules.
   */
  bundledCopy?: string;
  diagnostics: LessonDiagnostic[];
  /** Where the lesson stands in a course (a course.yaml beside it), with its prerequisites. */
  place?: CoursePlace;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Lesson folders under `root`: root itself if it has a lesson.yaml, else root/labs/* and root/* . */
export async function findLessonDirs(root: string): Promise<string[]> {
  if (await exists(join(root, 'lesson.yaml'))) return [root];
  const found: string[] = [];
  for (const parent of [join(root, 'labs'), root]) {
    const entries = await readdir(parent, { withFileTypes: true }).catch(() => []);
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const dir = join(parent, e.name);
      if (e.isDirectory() && (await exists(join(dir, 'lesson.yaml')))) found.push(dir);
    }
    if (found.length) break;
  }
  return found;
}

export class LessonCatalog implements vscode.Disposable {
  private lessons: CatalogLesson[] = [];
  private loaded: Promise<void> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly watcher: vscode.FileSystemWatcher;

  constructor(private readonly extensionUri: vscode.Uri) {
    // Lessons change while instructors author them: reload on any lesson.yaml or step change.
    this.watcher = vscode.workspace.createFileSystemWatcher('**/{lesson.yaml,course.yaml,steps/*.md}');
    const reload = () => void this.refresh();
    this.watcher.onDidChange(reload);
    this.watcher.onDidCreate(reload);
    this.watcher.onDidDelete(reload);
  }

  async all(): Promise<CatalogLesson[]> {
    this.loaded ??= this.load();
    await this.loaded;
    return this.lessons;
  }

  async find(lessonIdOrDir: string): Promise<CatalogLesson | undefined> {
    const all = await this.all();
    return all.find((l) => l.lesson.id === lessonIdOrDir || l.dir === lessonIdOrDir);
  }

  refresh(): Promise<void> {
    this.loaded = this.load();
    return this.loaded;
  }

  private async load(): Promise<void> {
    const started = Date.now();
    const roots = (vscode.workspace.workspaceFolders ?? []).map((f) => ({ dir: f.uri.fsPath, bundled: false }));
    roots.push({ dir: vscode.Uri.joinPath(this.extensionUri, 'labs').fsPath, bundled: true });
    const out: CatalogLesson[] = [];
    const seen = new Set<string>();
    for (const root of roots) {
      for (const dir of await findLessonDirs(root.dir)) {
        if (out.some((l) => l.dir === dir)) continue;
        const { lesson, template, diagnostics } = await loadLessonFrom(dir, vscode.env.language);
        for (const d of diagnostics) log().warn(`${join(dir, d.file)}:${d.line}: ${d.message}`);
        if (lesson && root.bundled && seen.has(lesson.id)) {
          const copy = out.find((l) => l.lesson.id === lesson.id);
          if (copy && !copy.bundled) copy.bundledCopy = dir;
        }
        if (!lesson || seen.has(lesson.id)) continue;
        seen.add(lesson.id);
        out.push({ dir, lesson, template, bundled: root.bundled, diagnostics });
      }
    }
    // The workspace's lessons first (they are the student's), then the built-in ones; within
    // each, a course.yaml beside the lessons orders them and names their prerequisites.
    const ordered = (list: CatalogLesson[]) => orderByCourse(list, coursesOf(list.map((l) => l.dir)));
    this.lessons = [...ordered(out.filter((l) => !l.bundled)), ...ordered(out.filter((l) => l.bundled))];
    log().info(`found ${out.length} lesson(s) in ${Date.now() - started} ms`);
    this.changed.fire();
  }

  dispose(): void {
    this.watcher.dispose();
    this.changed.dispose();
  }
}
