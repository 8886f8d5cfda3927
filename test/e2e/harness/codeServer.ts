// code-server for the editor tests: installed on first use by scripts/install-code-server.sh,
// started once per suite on a free port with its own user-data and extensions folders.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');

/** Path of code-server's entry script, installing it into .code-server/ when missing. */
export function ensureCodeServer(): string {
  const out = execFileSync('bash', [join(ROOT, 'scripts', 'install-code-server.sh')], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return out.trim().split('\n').pop()!;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface CodeServer {
  url: string;
  port: number;
  log(): string;
  stop(): Promise<void>;
}

export interface CodeServerDirs {
  userDataDir: string;
  extensionsDir: string;
}

/** Quiet, trusted, no tours: what a test wants from a fresh profile. */
export function writeUserSettings(userDataDir: string): void {
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(
    join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'update.mode': 'none',
        'git.enabled': false,
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
      },
      null,
      2,
    ),
  );
}

/**
 * Makes the editor's display language `language` without downloading a language pack: code-server
 * takes `--locale` only for a language listed in <user-data-dir>/languagepacks.json (else it falls
 * back to English and `vscode.env.language` stays "en"), so list one whose core translation file
 * is empty. The workbench's own menus stay English; `vscode.env.language` becomes `language`, which
 * picks the extension's l10n bundle, its package.nls.<language>.json and the lessons' translations.
 * Start code-server with `--locale <language>` (startCodeServer's extraArgs) after this.
 */
export function writeDisplayLanguage(userDataDir: string, language: string): void {
  const translations = join(userDataDir, `core.${language}.i18n.json`);
  writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  writeFileSync(
    join(userDataDir, 'languagepacks.json'),
    JSON.stringify({
      [language]: {
        hash: `hoc-${language}-1`,
        label: language,
        translations: { vscode: translations },
        extensions: [{ extensionIdentifier: { id: `hands-on-cloud.core-${language}` }, version: '1.0.0' }],
      },
    }),
  );
}

export function installExtension(entry: string, dirs: CodeServerDirs, vsix: string): void {
  execFileSync(
    process.execPath,
    [
      entry,
      '--user-data-dir',
      dirs.userDataDir,
      '--extensions-dir',
      dirs.extensionsDir,
      '--install-extension',
      vsix,
      '--force',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 120_000 },
  );
}

export async function startCodeServer(
  entry: string,
  dirs: CodeServerDirs,
  env: Record<string, string>,
  extraArgs: string[] = [],
): Promise<CodeServer> {
  const port = await freePort();
  const configFile = join(dirs.userDataDir, 'config.yaml');
  writeFileSync(configFile, 'auth: none\ncert: false\n');
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [
      entry,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--config',
      configFile,
      '--user-data-dir',
      dirs.userDataDir,
      '--extensions-dir',
      dirs.extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      ...extraArgs,
    ],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const end = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}):\n${output}`);
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > end) throw new Error(`code-server did not answer within 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    port,
    log: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
