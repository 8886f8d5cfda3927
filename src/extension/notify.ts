// Errors a student meets, as notifications that say what to do next and offer the actions
// that help (show the log, retry, pick another target). Every error is also logged.
import * as vscode from 'vscode';
import { log } from './log';

export interface NotifyAction {
  title: string;
  run: () => unknown;
}

const SHOW_LOG: NotifyAction = { title: vscode.l10n.t('Show Log'), run: () => log().show(true) };

/** Text of any thrown value; AWS SDK errors keep their error code (e.g. `ResourceNotFoundException: …`). */
export function errorText(e: unknown): string {
  if (e instanceof Error) {
    const code = e.name && e.name !== 'Error' ? `${e.name}: ` : '';
    const errno = (e as { code?: string }).code;
    const hint =
      errno === 'ECONNREFUSED'
        ? ' The target is not reachable: start the local cloud or check the endpoint in Hands-on Cloud settings.'
        : '';
    return `${code}${e.message}${hint}`;
  }
  return String(e);
}

export async function showError(message: string, e?: unknown, ...actions: NotifyAction[]): Promise<void> {
  const detail = e === undefined ? '' : ` ${errorText(e)}`;
  log().error(`${message}${detail}`);
  if (e instanceof Error && e.stack) log().debug(e.stack);
  const all = [...actions, SHOW_LOG];
  const picked = await vscode.window.showErrorMessage(`${message}${detail}`, ...all.map((a) => a.title));
  await all.find((a) => a.title === picked)?.run();
}

/**
 * Wraps a command so a thrown error becomes a notification instead of a silent failure. A
 * command that talks to the target passes `chooseTarget` (the target picker), offered when the
 * error says the target is unreachable or refuses the credentials.
 */
export function guarded<A extends unknown[]>(
  what: string,
  fn: (...args: A) => unknown,
  chooseTarget?: () => Promise<void>,
): (...args: A) => Promise<unknown> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (e) {
      if (e instanceof vscode.CancellationError) return undefined;
      const isTarget = /ECONNREFUSED|ENOTFOUND|credential|token/i.test(errorText(e));
      await showError(
        vscode.l10n.t('Could not {0}.', what),
        e,
        ...(isTarget && chooseTarget
          ? [{ title: vscode.l10n.t('Choose Target'), run: guarded(vscode.l10n.t('switch target'), chooseTarget) }]
          : []),
      );
      return undefined;
    }
  };
}
