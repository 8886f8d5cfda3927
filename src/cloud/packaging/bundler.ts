// esbuild for Lambda code and lesson scripts, on any machine the extension installs on.
// The native `esbuild` package (a platform binary) is used when it is installed — the `hoc`
// CLI and development. Inside the editor there is no native binary and no `node` on PATH
// (esbuild-wasm's Node API spawns one), so esbuild-wasm's browser build runs in a worker
// thread (see esbuildWasmWorker.ts). Both engines give the same bytes for the same input.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type * as Esbuild from 'esbuild-wasm';
import { WORKER_SOURCE } from './esbuildWasmWorker';

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

type EsbuildApi = Pick<typeof Esbuild, 'build' | 'transformSync'>;

const here = typeof __filename === 'string' ? __filename : join(process.cwd(), 'noop.js');
const localRequire = createRequire(here);
let nativeApi: EsbuildApi | null | undefined;

/** Which engine bundles here: HOC_BUNDLER=wasm|native forces one. */
export function bundleEngine(): BundleEngine {
  const forced = process.env.HOC_BUNDLER;
  if (forced === 'wasm' || forced === 'native') return forced;
  return loadNative() ? 'native' : 'wasm';
}

/** The native esbuild API, or null where it is not installed (inside the editor). */
export function nativeEsbuild(): EsbuildApi | null {
  return loadNative();
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

/** A file shipped next to the bundle (dist/), else from the esbuild-wasm package. */
function wasmAsset(bundled: string, packaged: string): string {
  const candidates = [typeof __dirname === 'string' ? join(__dirname, bundled) : undefined];
  try {
    candidates.push(localRequire.resolve(packaged));
  } catch {
    // not installed as a package: only the copy next to the bundle can work
  }
  const found = candidates.find((c): c is string => !!c && existsSync(c));
  if (!found)
    throw new Error(
      `${bundled} is missing from the installation; reinstall the extension (or run npm install in a checkout).`,
    );
  return found;
}

export function buildOptions(req: BundleRequest): Esbuild.BuildOptions {
  return {
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
}

function describeErrors(errors: Array<{ text: string; location?: { file: string; line: number } | null }>): Error {
  return new Error(
    errors.map((m) => `${m.location ? `${m.location.file}:${m.location.line}: ` : ''}${m.text}`).join('\n'),
  );
}

/** Bundles one entry into one JavaScript text. */
export async function bundle(req: BundleRequest, engine: BundleEngine = bundleEngine()): Promise<string> {
  if (engine === 'wasm') return WasmBundler.shared().build(req);
  const api = loadNative();
  if (!api) throw new Error('esbuild is not installed here; set HOC_BUNDLER=wasm or reinstall.');
  try {
    const result = await api.build(buildOptions(req));
    const js = result.outputFiles?.find((f) => f.path.endsWith('.js'));
    if (!js) throw new Error('esbuild produced no JavaScript');
    return js.text;
  } catch (e) {
    const errors = (e as { errors?: Esbuild.Message[] }).errors;
    if (errors?.length) throw describeErrors(errors);
    throw e;
  }
}

/**
 * Bundles with the native engine and also says which files went in (paths absolute), so a
 * prebuilt bundle can be matched with the sources later (see prebuilt.ts). Packaging time only.
 */
export async function bundleWithInputs(req: BundleRequest): Promise<{ text: string; inputs: string[] }> {
  const api = loadNative() as Pick<typeof Esbuild, 'build'> | null;
  if (!api)
    throw new Error(
      'Prebuilding needs the native esbuild package: run it in a checkout of the extension after npm install.',
    );
  try {
    const result = await api.build({ ...buildOptions(req), metafile: true });
    const js = result.outputFiles?.find((f) => f.path.endsWith('.js'));
    if (!js || !result.metafile) throw new Error('esbuild produced no JavaScript');
    return { text: js.text, inputs: Object.keys(result.metafile.inputs).map((i) => join(req.workingDir, i)) };
  } catch (e) {
    const errors = (e as { errors?: Esbuild.Message[] }).errors;
    if (errors?.length) throw describeErrors(errors);
    throw e;
  }
}

interface Reply {
  id: number;
  text?: string;
  errors?: Array<{ text: string; location: { file: string; line: number } | null }>;
  message?: string;
}

/** One worker for all wasm builds; it ends after a quiet spell and never keeps the process alive. */
class WasmBundler {
  private static instance?: WasmBundler;
  private worker?: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(text: string): void; reject(e: Error): void }>();
  private idle?: NodeJS.Timeout;
  static readonly IDLE_MS = 30_000;

  static shared(): WasmBundler {
    return (WasmBundler.instance ??= new WasmBundler());
  }

  build(req: BundleRequest): Promise<string> {
    const worker = this.start();
    const id = this.nextId++;
    clearTimeout(this.idle);
    worker.ref();
    return new Promise<string>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, options: buildOptions(req), external: req.external, nodePaths: req.nodePaths ?? [] });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const workerData = {
      browserJs: wasmAsset('esbuild-browser.js', 'esbuild-wasm/lib/browser.min.js'),
      wasm: wasmAsset('esbuild.wasm', 'esbuild-wasm/esbuild.wasm'),
    };
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData });
    worker.on('message', (r: Reply) => this.settle(r));
    worker.on('error', (e) => this.fail(e));
    worker.on('exit', () => {
      this.fail(new Error('the bundler stopped unexpectedly'));
      this.worker = undefined;
    });
    this.worker = worker;
    return worker;
  }

  private settle(r: Reply) {
    const p = this.pending.get(r.id);
    if (!p) return;
    this.pending.delete(r.id);
    if (r.text !== undefined) p.resolve(r.text);
    else
      p.reject(r.errors?.length ? describeErrors(r.errors) : new Error(r.message ?? 'esbuild produced no JavaScript'));
    if (this.pending.size === 0 && this.worker) {
      this.worker.unref();
      this.idle = setTimeout(() => void this.worker?.terminate(), WasmBundler.IDLE_MS);
      this.idle.unref();
    }
  }

  private fail(e: Error) {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}
