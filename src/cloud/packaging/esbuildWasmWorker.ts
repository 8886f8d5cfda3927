// Source of the worker thread that runs esbuild-wasm. The Go runtime inside esbuild.wasm keeps
// waking its thread up (on the main thread it slowed every timer of the process ~6×, measured),
// so it lives in a worker that is terminated when idle. The worker loads esbuild-wasm's browser
// build (plain JS, no binary, no `node` on PATH needed) and reads files through Node's fs with a
// plugin, since the browser build has no file system of its own. Kept as source text because the
// extension is one bundle: `new Worker(WORKER_SOURCE, { eval: true })` needs no extra file.

export const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const { createRequire } = require('node:module');
globalThis.self ??= globalThis; // the browser build looks for self
const esbuild = require(workerData.browserJs);
const ready = esbuild.initialize({ wasmModule: new WebAssembly.Module(fs.readFileSync(workerData.wasm)), worker: false });

const LOADERS = { '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.tsx': 'tsx', '.json': 'json', '.mjs': 'js', '.cjs': 'js', '.js': 'js' };
const SUFFIXES = ['', '.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '/index.ts', '/index.js'];

function nodeFileSystem(external, nodePaths, workingDir) {
  const patterns = external.map((p) => new RegExp('^' + p.replace(/[.+?^$()|[\]\\{}]/g, '\\$&').replace(/\*/g, '.*') + '$'));
  return {
    name: 'hoc-node-fs',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.path.startsWith('node:') || patterns.some((re) => re.test(args.path))) return { path: args.path, external: true };
        const from = args.importer ? path.dirname(args.importer) : args.resolveDir || workingDir;
        const resolver = createRequire(path.join(from, 'noop.js'));
        for (const suffix of SUFFIXES) {
          try {
            const resolved = resolver.resolve(args.path + suffix, { paths: [from, ...nodePaths] });
            if (!path.isAbsolute(resolved)) return { path: resolved, external: true }; // a Node built-in
            return { path: resolved };
          } catch {}
        }
        return { errors: [{ text: 'Could not resolve "' + args.path + '"' }] };
      });
      build.onLoad({ filter: /.*/ }, (args) => ({ contents: fs.readFileSync(args.path), loader: LOADERS[path.extname(args.path)] || 'file', resolveDir: path.dirname(args.path) }));
    },
  };
}

parentPort.on('message', async ({ id, options, external, nodePaths }) => {
  try {
    await ready;
    const result = await esbuild.build({ ...options, plugins: [nodeFileSystem(external, nodePaths, options.absWorkingDir)] });
    const js = result.outputFiles.find((f) => f.path.endsWith('.js'));
    parentPort.postMessage({ id, text: js ? js.text : undefined });
  } catch (e) {
    const errors = Array.isArray(e && e.errors) ? e.errors.map((m) => ({ text: m.text, location: m.location ? { file: m.location.file, line: m.location.line } : null })) : undefined;
    parentPort.postMessage({ id, errors, message: String((e && e.message) || e) });
  }
});
`;
