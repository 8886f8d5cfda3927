// A fresh code-server profile for one suite (or benchmark): code-server installed, user-data and
// extensions folders under a new temp dir, quiet settings written. `base` holds them and is the
// place for the suite's other files.
import { join } from 'node:path';
import { ensureCodeServer, writeUserSettings, type CodeServerDirs } from './codeServer';
import { tempDir } from './workspace';

export interface Profile {
  /** code-server's entry script. */
  entry: string;
  base: string;
  dirs: CodeServerDirs;
}

export function freshProfile(name: string): Profile {
  const entry = ensureCodeServer();
  const base = tempDir(name);
  const dirs = { userDataDir: join(base, 'user-data'), extensionsDir: join(base, 'extensions') };
  writeUserSettings(dirs.userDataDir);
  return { entry, base, dirs };
}
