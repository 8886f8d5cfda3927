// Copies a fixture lesson into a temporary folder (tests may edit it and deploy from it).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'lessons');

export interface FixtureCopy {
  dir: string;
  read(file: string): string;
  write(file: string, text: string): void;
  /** Replaces `from` (must occur) in a file; returns the 1-based line where the replacement starts. */
  replace(file: string, from: string, to: string): number;
  remove(): void;
}

export function copyFixture(name: string): FixtureCopy {
  const root = mkdtempSync(join(tmpdir(), `hoc-lesson-${name}-`));
  const dir = join(root, name);
  cpSync(join(FIXTURES, name), dir, { recursive: true, filter: (p) => !p.includes('/.hoc') });
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  const write = (file: string, text: string) => writeFileSync(join(dir, file), text);
  return {
    dir,
    read,
    write,
    replace(file, from, to) {
      const text = read(file);
      const at = text.indexOf(from);
      if (at < 0) throw new Error(`'${from}' is not in ${file}`);
      write(file, text.slice(0, at) + to + text.slice(at + from.length));
      return text.slice(0, at).split('\n').length;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
