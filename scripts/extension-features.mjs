// esbuild plugin for the extension bundle: activation requires './extension-features.js' (the
// bundle of src/extension/features.ts, beside dist/extension.js) once it has returned. Left to
// Node at run time, so the features' code is not copied into the bundle activation loads.
export const extensionFeatures = {
  name: 'extension-features',
  setup(build) {
    build.onResolve({ filter: /^\.\/extension-features\.js$/ }, (args) => ({ path: args.path, external: true }));
  },
};
