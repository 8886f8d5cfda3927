// The one handle on VS Code inside a webview: messages to the host and the view's saved state.
interface VsCodeApi<S> {
  postMessage(message: unknown): void;
  getState(): S | undefined;
  setState(state: S): void;
}

declare function acquireVsCodeApi<S>(): VsCodeApi<S>;

let api: VsCodeApi<unknown> | undefined;

export function vscodeApi<S>(): VsCodeApi<S> {
  // acquireVsCodeApi may be called once per page.
  api ??= acquireVsCodeApi<unknown>();
  return api as VsCodeApi<S>;
}

/** Saved view state merged with a patch (state survives hide/show and reloads). */
export function patchState<S extends object>(patch: Partial<S>): S {
  const next = { ...(vscodeApi<S>().getState() ?? ({} as S)), ...patch } as S;
  vscodeApi<S>().setState(next);
  return next;
}
