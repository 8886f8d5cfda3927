// esbuild plugin for the extension bundle: every source's `import * as vscode from 'vscode'`
// goes through one module that re-exports the editor's API. Without it, each of the ~100 files
// that import vscode copies the API's ~400 names into an object of its own when the bundle is
// required (esbuild's CommonJS interop), which cost the extension host's require ~15 ms.
export const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-once'
        ? { path: 'vscode', external: true }
        : { path: 'vscode', namespace: 'vscode-once' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({
      contents: "export * from 'vscode';",
      loader: 'js',
    }));
  },
};
