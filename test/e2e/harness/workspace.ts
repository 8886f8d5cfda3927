// A fresh copy of the fixture workspace per run (lessons write .hoc/ state and events).
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './codeServer';

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `hoc-e2e-${prefix}-`));
}

export function copyFixtureWorkspace(name: string): string {
  const dir = join(tempDir(name), 'course');
  cpSync(join(ROOT, 'test', 'e2e', 'fixtures', 'workspace'), dir, { recursive: true });
  return dir;
}

/** code-server's URL of a folder with VS Code web's `payload` (extension development + tests). */
export function payloadUrl(base: string, folder: string, devPath: string, testsPath: string): string {
  const host = new URL(base).host;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', `vscode-remote://${host}${devPath}`],
    ['extensionTestsPath', `vscode-remote://${host}${testsPath}`],
  ]);
  return `${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`;
}
