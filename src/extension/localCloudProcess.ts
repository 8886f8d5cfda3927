// The local cloud as a child process of the extension host: started on demand (first use of
// the `local` target), on the editor's own Node runtime (ELECTRON_RUN_AS_NODE), with its state
// in the extension's workspace storage, and stopped with the window.
import * as vscode from 'vscode';
import { spawn, type ChildProcess } from 'node:child_process';
import { parseBanner } from '../localcloud/banner';
import { config } from './config';
import { log } from './log';

export type LocalCloudState = 'stopped' | 'starting' | 'running' | 'failed';
export type LocalCloudInfo = NonNullable<ReturnType<typeof parseBanner>>;

const START_TIMEOUT_MS = 20_000;

export class LocalCloudProcess implements vscode.Disposable {
  private child: ChildProcess | undefined;
  private starting: Promise<LocalCloudInfo> | undefined;
  private current: LocalCloudInfo | undefined;
  private stateValue: LocalCloudState = 'stopped';
  private readonly changed = new vscode.EventEmitter<LocalCloudState>();
  readonly onDidChangeState = this.changed.event;

  constructor(private readonly context: vscode.ExtensionContext) {}

  get state(): LocalCloudState {
    return this.stateValue;
  }

  get info(): LocalCloudInfo | undefined {
    return this.current;
  }

  get stateDir(): string {
    return vscode.Uri.joinPath(this.context.storageUri ?? this.context.globalStorageUri, 'localcloud').fsPath;
  }

  /** The running cloud's endpoint and credentials, starting it first when needed. */
  ensureRunning(): Promise<LocalCloudInfo> {
    if (this.current && this.child) return Promise.resolve(this.current);
    this.starting ??= this.start().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private setState(s: LocalCloudState): void {
    if (s === this.stateValue) return;
    this.stateValue = s;
    this.changed.fire(s);
  }

  private start(): Promise<LocalCloudInfo> {
    this.setState('starting');
    const script = vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'localcloud.js').fsPath;
    const port = String(config.get('localCloud.port'));
    log().info(`starting the local cloud (state in ${this.stateDir})`);
    const child = spawn(process.execPath, [script, '--port', port, '--state-dir', this.stateDir], {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    return new Promise<LocalCloudInfo>((resolve, reject) => {
      let text = '';
      let stderr = '';
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(
          new Error(
            vscode.l10n.t(
              'The local cloud did not start within {0} s. See the Hands-on Cloud log for its output.',
              START_TIMEOUT_MS / 1000,
            ),
          ),
        );
      }, START_TIMEOUT_MS);
      child.stdout!.on('data', (d: Buffer) => {
        const chunk = d.toString();
        if (this.current) {
          log().trace(chunk.trimEnd());
          return;
        }
        text += chunk;
        const banner = parseBanner(text);
        if (!banner) return;
        clearTimeout(timer);
        this.current = banner;
        log().info(`local cloud running at ${banner.endpoint} (pid ${child.pid})`);
        this.setState('running');
        resolve(banner);
      });
      child.stderr!.on('data', (d: Buffer) => {
        const chunk = d.toString();
        stderr += chunk;
        log().warn(`local cloud: ${chunk.trimEnd()}`);
      });
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(new Error(vscode.l10n.t('The local cloud could not be started: {0}', e.message)));
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        const wasRunning = this.current !== undefined;
        if (this.child === child) {
          this.child = undefined;
          this.current = undefined;
        }
        const expected = signal === 'SIGTERM' && !wasRunning ? false : this.stopping;
        this.stopping = false;
        if (expected || code === 0) {
          log().info('local cloud stopped');
          this.setState('stopped');
        } else {
          log().error(`local cloud exited (code ${code ?? '-'}, signal ${signal ?? '-'})`);
          this.setState('failed');
        }
        reject(
          new Error(
            vscode.l10n.t(
              'The local cloud exited before it was ready: {0}',
              stderr.trim() || vscode.l10n.t('exit code {0}', String(code)),
            ),
          ),
        );
      });
    });
  }

  private stopping = false;

  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.stopping = true;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }

  dispose(): void {
    this.stopping = true;
    this.child?.kill('SIGTERM');
    this.changed.dispose();
  }
}
