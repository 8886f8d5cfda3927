// Code that would not compile, found before a deploy: TypeScript/JavaScript through esbuild's
// parser, Python through python3's own compiler. Each problem is `file:line: message` in the
// code file itself. Syntax only: types are the editor's business.
import { readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { extname, join } from 'node:path';
import type { LessonDiagnostic } from '../../shared/lessonTypes';
import { nativeEsbuild } from '../../cloud/packaging/bundler';
import { insideLesson } from './lessonPaths';

const LOADERS: Record<string, 'ts' | 'js'> = {
  '.ts': 'ts',
  '.mts': 'ts',
  '.cts': 'ts',
  '.js': 'js',
  '.mjs': 'js',
  '.cjs': 'js',
};
const SKIPPED_FOLDERS = new Set(['node_modules', '__pycache__', 'dist', 'build']);
/** A lesson's code is small; a folder with more files than this is not lesson code. */
const MAX_FILES = 500;

export function isCodeFile(file: string): boolean {
  return extname(file) in LOADERS || extname(file) === '.py';
}

/** Code files in the given lesson folders (relative paths, sorted), without dependencies. */
export function codeFilesIn(lessonDir: string, folders: string[]): string[] {
  const out = new Set<string>();
  const walk = (rel: string) => {
    const abs = insideLesson(lessonDir, rel);
    if (!abs || out.size >= MAX_FILES) return;
    let entries;
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const child = rel === '.' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory() && !e.name.startsWith('.') && !SKIPPED_FOLDERS.has(e.name)) walk(child);
      else if (e.isFile() && isCodeFile(e.name)) out.add(child);
    }
  };
  folders.forEach(walk);
  return [...out].sort();
}

export function checkCodeSyntax(lessonDir: string, files: string[]): LessonDiagnostic[] {
  const python = files.filter((f) => f.endsWith('.py'));
  return [
    ...checkScripts(
      lessonDir,
      files.filter((f) => extname(f) in LOADERS),
    ),
    ...checkPython(lessonDir, python),
  ];
}

function checkScripts(lessonDir: string, files: string[]): LessonDiagnostic[] {
  const esbuild = nativeEsbuild();
  // Inside the editor there is no native esbuild (and the editor shows syntax errors itself).
  if (!esbuild || !files.length) return [];
  const out: LessonDiagnostic[] = [];
  for (const file of files) {
    const abs = insideLesson(lessonDir, file);
    if (!abs) continue;
    try {
      esbuild.transformSync(readFileSync(abs, 'utf8'), {
        loader: LOADERS[extname(file)],
        sourcefile: file,
        logLevel: 'silent',
        tsconfigRaw: {},
      });
    } catch (e) {
      const errors = (e as { errors?: Array<{ text: string; location?: { line: number } | null }> }).errors ?? [];
      for (const m of errors.slice(0, 3))
        out.push({ file, line: m.location?.line ?? 0, message: `does not compile: ${m.text}` });
    }
  }
  return out;
}

// compile() is what `python3 -m py_compile` runs, minus writing a __pycache__ folder into the lesson.
const PYTHON_CHECK = `
import json, sys
for path in json.load(sys.stdin):
    try:
        with open(path, 'rb') as f:
            compile(f.read(), path, 'exec')
    except SyntaxError as e:
        print(json.dumps({'path': path, 'line': e.lineno or 0, 'message': e.msg}))
    except ValueError as e:
        print(json.dumps({'path': path, 'line': 0, 'message': str(e)}))
    except OSError:
        pass  # a missing file is reported where it is named
`;

function checkPython(lessonDir: string, files: string[]): LessonDiagnostic[] {
  if (!files.length) return [];
  const byPath = new Map(files.map((f) => [join(lessonDir, f), f]));
  const r = spawnSync('python3', ['-c', PYTHON_CHECK], {
    input: JSON.stringify([...byPath.keys()]),
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.error || r.status !== 0) return []; // no python3 here: Python code is checked where it runs
  return r.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { path: string; line: number; message: string })
    .map((p) => ({ file: byPath.get(p.path) ?? p.path, line: p.line, message: `does not compile: ${p.message}` }));
}
