// Where the extension `hoc` belongs to lives: dist/.. of the bundle (a checkout or an unzipped
// VSIX), else the nearest folder with a package.json above the working directory.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export function extensionRoot(): string {
  const fromBundle = typeof __dirname === 'string' ? resolve(__dirname, '..') : undefined;
  if (fromBundle && existsSync(join(fromBundle, 'package.json')) && existsSync(join(fromBundle, 'dist')))
    return fromBundle;
  let d = process.cwd();
  while (!existsSync(join(d, 'package.json')) && dirname(d) !== d) d = dirname(d);
  return d;
}

/** The version in the extension's manifest (a packed lesson VSIX has its own). */
export function extensionVersion(): string {
  try {
    return String(
      (JSON.parse(readFileSync(join(extensionRoot(), 'package.json'), 'utf8')) as { version?: unknown }).version ??
        'unknown',
    );
  } catch {
    return 'unknown';
  }
}
