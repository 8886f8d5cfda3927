// Start and stop the local cloud from the command palette. The cloud runs in its own
// process on the editor's own Node runtime (ELECTRON_RUN_AS_NODE), state in workspace storage.
import * as vscode from 'vscode';
import { spawn, type ChildProcess } from 'node:child_process';
import { parseBanner } from '../localcloud/banner';

let child: ChildProcess | undefined;

export function registerLocalCloudCommands(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Hands-on Cloud', { log: true });
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('handsOnCloud.startLocalCloud', async () => {
      if (child) return vscode.window.showInformationMessage('The local cloud is already running.');
      const stateDir = vscode.Uri.joinPath(context.storageUri ?? context.globalStorageUri, 'localcloud').fsPath;
      const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'localcloud.js').fsPath;
      child = spawn(process.execPath, [script, '--port', '0', '--state-dir', stateDir], {
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let text = '';
      const banner = await new Promise<ReturnType<typeof parseBanner>>((resolve) => {
        child!.stdout!.on('data', (d: Buffer) => {
          text += d.toString();
          const parsed = parseBanner(text);
          if (parsed) resolve(parsed);
        });
        child!.stderr!.on('data', (d: Buffer) => output.warn(d.toString().trimEnd()));
        child!.on('exit', () => resolve(undefined));
      });
      if (!banner) {
        child = undefined;
        return vscode.window.showErrorMessage('The local cloud did not start. See the Hands-on Cloud output for why.', 'Show Output').then((a) => a && output.show());
      }
      output.info(`local cloud at ${banner.endpoint}`);
      return vscode.window.showInformationMessage(`Local cloud running at ${banner.endpoint}`);
    }),
    vscode.commands.registerCommand('handsOnCloud.stopLocalCloud', () => {
      if (!child) return vscode.window.showInformationMessage('The local cloud is not running.');
      child.kill('SIGTERM');
      child = undefined;
      return vscode.window.showInformationMessage('Local cloud stopped.');
    }),
    { dispose: () => child?.kill('SIGTERM') },
  );
}
