// esbuild for Lambda code and lesson scripts, on any machine the extension installs on.
// The native `esbuild` package (a platform binary) is used when it is installed — the `hoc`
// CLI and development. Inside the editor there is no native binary and no `node` on PATH
// (esbuild-wasm's Node API spawns one), so we run esbuild-wasm's browser build in-process:
// pure JS plus esbuild.wasm, with a small plugin that reads the file system through Node.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import type * as Esbuild from 'esbuild-wasm';

export type BundleEngine = 'native' | 'wasm';

export interface BundleRequest {
  entry: string;
  /** Folder paths in the output are relative to (keeps output identical across machines). */
  workingDir: string;
  platformTarget: string;
  format: 'cjs' | 'esm';
  /** Packages left to the runtime (e.g. @aws-sdk/*). */
  external: string[];
  /** Extra folders to resolve bare imports from. */
  nodePaths?: string[];
  /** Text put before the output (e.g. a `require` for ESM output). */
  banner?: string;
}

type EsbuildApi = Pick<typeof Esbuild, 'build'>;

const localRequire = createRequire(typeof __filename === 'string' ? __filename : process.cwd() + '/');
let nativeApi: EsbuildApi | null | undefined;
let wasmApi: Promise<EsbuildApi> | undefined;

/** Which engine bundles here: HOC_BUNDLER=wasm|native forces one. */
export function bundleEngine(): BundleEngine {
  const forced = process.env.HOC_BUNDLER;
  if (forced === 'wasm' || forced === 'native') return forced;
  return loadNative() ? 'native' : 'wasm';
}

function loadNative(): EsbuildApi | null {
  if (nativeApi === undefined) {
    try {
      // A computed name keeps bundlers from inlining esbuild (whose binary must stay on disk).
      const name = ['es', 'build'].join('');
      nativeApi = localRequire(name) as EsbuildApi;
    } catch {
      nativeApi = null;
    }
  }
  return nativeApi;
}

/** esbuild.wasm: next to the bundle (dist/esbuild.wasm), or from the esbuild-wasm package. */
function wasmPath(): string {
  const candidates = [process.env.HOC_ESBUILD_WASM, typeof __dirname === 'string' ? join(__dirname, 'esbuild.wasm') : undefined];
  try {
    candidates.push(localRequire.resolve('esbuild-wasm/esbuild.wasm'));
  } catch {
    // not installed as a package: only the copy next to the bundle can work
  }
  const found = candidates.find((c): c is string => !!c && existsSync(c));
  if (!found) throw new Error('esbuild.wasm is missing from the installation; reinstall the extension (or `npm install` in a checkout).');
  return found;
}

function loadWasm(): Promise<EsbuildApi> {
  wasmApi ??= (async () => {
    (globalThis as { self?: unknown }).self ??= globalThis; // the browser build looks for `self`
    const api = (await import('esbuild-wasm/lib/browser.js')) as unknown as typeof Esbuild & { default?: typeof Esbuild };
    const esbuild = (typeof (api as { initialize?: unknown }).initialize === 'function' ? api : api.default) as typeof Esbuild;
    await esbuild.initialize({ wasmModule: new WebAssembly.Module(readFileSync(wasmPath())), worker: false });
    return esbuild;
  })();
  return wasmApi;
}

/** Bundles one entry into one JavaScript text. */
export async function bundle(req: BundleRequest, engine: BundleEngine = bundleEngine()): Promise<string> {
  const options: Esbuild.BuildOptions = {
    entryPoints: [req.entry],
    absWorkingDir: req.workingDir,
    bundle: true,
    write: false,
    platform: 'node',
    target: req.platformTarget,
    format: req.format,
    external: req.external,
    nodePaths: req.nodePaths,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'silent',
    outfile: 'out.js',
    // Independent of any tsconfig around the lesson, so both engines give the same bytes.
    tsconfigRaw: {},
    ...(req.banner ? { banner: { js: req.banner } } : {}),
  };
  const api = engine === 'native' ? loadNative() : await loadWasm();
  if (!api) throw new Error('esbuild is not installed here; set HOC_BUNDLER=wasm or reinstall.');
  if (engine === 'wasm') options.plugins = [nodeFileSystem(req)];
  try {
    const result = await api.build(options);
    const js = result.outputFiles?.find((f) => f.path.endsWith('.js'));
    if (!js) throw new Error('esbuild produced no JavaScript');
    return js.text;
  } catch (e) {
    const errors = (e as { errors?: Esbuild.Message[] }).errors;
    if (errors?.length) throw new Error(errors.map((m) => `${m.location ? `${m.location.file}:${m.location.line}: ` : ''}${m.text}`).join('\n'));
    throw e;
  }
}

/** Resolution and loading through Node's fs for the in-process wasm build (it has no fs of its own). */
function nodeFileSystem(req: BundleRequest): Esbuild.Plugin {
  const externals = req.external.map((p) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`));
  return {
    name: 'hoc-node-fs',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.path.startsWith('node:') || externals.some((re) => re.test(args.path))) return { path: args.path, external: true };
        const from = args.importer ? dirname(args.importer) : args.resolveDir || req.workingDir;
        const resolver = createRequire(join(from, 'noop.js'));
        const tries = [args.path, ...['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '/index.ts', '/index.js'].map((e) => args.path + e)];
        for (const t of tries) {
          try {
            const resolved = resolver.resolve(t, { paths: [from, ...(req.nodePaths ?? [])] });
            if (!resolved.includes('/') && !resolved.includes('\\')) return { path: resolved, external: true }; // a Node built-in
            return { path: resolved };
          } catch {
            // try the next spelling
          }
        }
        return { errors: [{ text: `Cannot resolve '${args.path}' from ${args.importer || req.workingDir}` }] };
      });
      build.onLoad({ filter: /.*/ }, (args) => {
        const ext = extname(args.path);
        const loader = ({ '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.tsx': 'tsx', '.json': 'json', '.mjs': 'js', '.cjs': 'js', '.js': 'js' } as const)[ext] ?? 'file';
        return { contents: readFileSync(args.path), loader, resolveDir: dirname(args.path) };
      });
    },
  };
}
