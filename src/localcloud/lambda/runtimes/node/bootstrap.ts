// The Node.js runtime of the local cloud's execution environments: speaks the Lambda Runtime
// API at AWS_LAMBDA_RUNTIME_API, loads _HANDLER from LAMBDA_TASK_ROOT (CommonJS or ES module),
// runs async and callback handlers with the full context object, formats console output as
// AWS does, and reports errors in AWS's shapes. Bundled to dist/runtimes/node/bootstrap.js.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as nodeModule from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { OUTPUT_MARKER as MARKER, OUTPUT_MARKERS_HEADER } from '../../runtime/outputLines';
import { RuntimeApiClient } from './runtimeClient';

const API = process.env.AWS_LAMBDA_RUNTIME_API!;
const TASK_ROOT = process.env.LAMBDA_TASK_ROOT ?? process.cwd();
const HANDLER = process.env._HANDLER ?? '';

type Handler = (event: unknown, context: unknown, callback?: (err?: unknown, result?: unknown) => void) => unknown;
let currentRequestId: string | undefined;

// ---- console, as the managed runtime prints it -------------------------------------------
function patchConsole(): void {
  const write =
    (level: string) =>
    (...args: unknown[]) => {
      const line = `${new Date().toISOString()}\t${currentRequestId ?? 'undefined'}\t${level}\t${format(...args)}`;
      process.stdout.write(`${line.replace(/\n/g, '\r')}\n`);
    };
  console.log = write('INFO');
  console.info = write('INFO');
  console.warn = write('WARN');
  console.error = write('ERROR');
  console.debug = write('DEBUG');
  console.trace = write('TRACE');
}

// ---- HTTP to the Runtime API -----------------------------------------------------------
const [API_HOST, API_PORT] = API.split(':');
const api = new RuntimeApiClient(API_HOST!, Number(API_PORT));
const call = (method: string, path: string, body?: string, headers?: Record<string, string>) =>
  api.request(method, path, body, headers);

// ---- end-of-output markers --------------------------------------------------------------
/** Whether stdout / stderr were written since their last marker. */
const written = { stdout: true, stderr: true };

function trackWrites(name: 'stdout' | 'stderr'): void {
  const stream = process[name];
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((...args: unknown[]) => {
    written[name] = true;
    return write(...args);
  }) as typeof stream.write;
}

/**
 * Marks the end of the invocation's output on each stream written since its last marker,
 * and returns the header telling the local cloud how many markers to wait for: a handler
 * that printed nothing costs no pipe writes (and no wake-ups of the local cloud).
 */
function flushMarker(requestId: string): Record<string, string> {
  let count = 0;
  for (const name of ['stdout', 'stderr'] as const) {
    if (!written[name]) continue;
    process[name].write(`${MARKER}${requestId}\n`);
    written[name] = false;
    count++;
  }
  return { [OUTPUT_MARKERS_HEADER]: String(count) };
}

// ---- errors in AWS's shape --------------------------------------------------------------
interface ErrorShape {
  errorType: string;
  errorMessage: string;
  trace: string[];
}

function toErrorShape(err: unknown, forcedType?: string): ErrorShape {
  if (err instanceof Error) {
    const type = forcedType ?? (err.name && err.name !== 'Error' ? err.name : (err.constructor?.name ?? 'Error'));
    return { errorType: type, errorMessage: err.message, trace: (err.stack ?? '').split('\n') };
  }
  if (typeof err === 'string') return { errorType: forcedType ?? 'string', errorMessage: err, trace: [] };
  return { errorType: forcedType ?? typeof err, errorMessage: JSON.stringify(err) ?? String(err), trace: [] };
}

function logError(label: string, shape: ErrorShape): void {
  console.error(
    `${label} \t${JSON.stringify({ errorType: shape.errorType, errorMessage: shape.errorMessage, stack: shape.trace })}`,
  );
}

class RuntimeError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = type;
  }
}

// ---- loading the handler -----------------------------------------------------------------
/** Lets ES modules import packages from NODE_PATH (the AWS SDK), as CommonJS can. */
function registerNodePathForEsm(): void {
  const paths = (process.env.NODE_PATH ?? '').split(process.platform === 'win32' ? ';' : ':').filter(Boolean);
  const register = (nodeModule as unknown as { register?: (url: string, opts?: unknown) => void }).register;
  if (!paths.length || !register) return;
  const hooks = `
    let parents = [];
    export function initialize(data) { parents = data.parents; }
    export async function resolve(specifier, context, next) {
      try { return await next(specifier, context); }
      catch (e) {
        if (e?.code !== 'ERR_MODULE_NOT_FOUND' || /^(\\.|\\/|[a-zA-Z]+:)/.test(specifier)) throw e;
        for (const parentURL of parents) {
          try { return await next(specifier, { ...context, parentURL }); } catch {}
        }
        throw e;
      }
    }`;
  try {
    register(`data:text/javascript,${encodeURIComponent(hooks)}`, {
      data: { parents: paths.map((p) => pathToFileURL(join(p, 'noop.js')).href) },
    });
  } catch {
    // Older Node: CommonJS handlers still find the SDK through NODE_PATH.
  }
}

function isEsm(file: string): boolean {
  if (file.endsWith('.mjs')) return true;
  if (file.endsWith('.cjs')) return false;
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        return (JSON.parse(readFileSync(pkg, 'utf8')) as { type?: string }).type === 'module';
      } catch {
        return false;
      }
    }
    if (dir === resolve(TASK_ROOT) || dirname(dir) === dir) return false;
  }
}

async function loadHandler(): Promise<Handler> {
  const slash = HANDLER.lastIndexOf('/');
  const dot = HANDLER.indexOf('.', slash + 1);
  if (dot === -1)
    throw new RuntimeError(
      'Runtime.MalformedHandlerName',
      `Bad handler ${HANDLER}: missing a '.' between module and function name`,
    );
  const modulePath = HANDLER.slice(0, dot);
  const functionPath = HANDLER.slice(dot + 1);
  const base = resolve(TASK_ROOT, modulePath);
  const file =
    ['.js', '.mjs', '.cjs'].map((ext) => base + ext).find((f) => existsSync(f)) ??
    (existsSync(base) ? base : undefined);
  if (!file)
    throw new RuntimeError(
      'Runtime.ImportModuleError',
      `Error: Cannot find module '${modulePath}'\nRequire stack:\n- ${__filename}`,
    );
  let mod: Record<string, unknown>;
  try {
    if (isEsm(file)) {
      // Loader hooks start a thread: only ES module handlers pay for them.
      registerNodePathForEsm();
      mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    } else mod = createRequire(join(TASK_ROOT, 'noop.js'))(file) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof SyntaxError) throw new RuntimeError('Runtime.UserCodeSyntaxError', `${e.name}: ${e.message}`);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND')
      throw new RuntimeError('Runtime.ImportModuleError', `Error: ${(e as Error).message}`);
    throw e;
  }
  let fn: unknown = mod;
  for (const part of functionPath.split('.'))
    fn = (fn && typeof fn === 'object') || typeof fn === 'function' ? (fn as Record<string, unknown>)[part] : undefined;
  // A CommonJS module compiled from ESM may sit behind `default`.
  if (fn === undefined && mod.default && typeof mod.default === 'object')
    fn = (mod.default as Record<string, unknown>)[functionPath];
  if (typeof fn !== 'function')
    throw new RuntimeError('Runtime.HandlerNotFound', `${HANDLER} is undefined or not exported`);
  return fn as Handler;
}

// ---- the invocation loop ----------------------------------------------------------------
function buildContext(headers: Record<string, string | string[] | undefined>, requestId: string) {
  const deadline = Number(headers['lambda-runtime-deadline-ms']);
  const parse = (h: string) => {
    const v = headers[h];
    if (typeof v !== 'string' || !v) return undefined;
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return undefined;
    }
  };
  const context = {
    callbackWaitsForEmptyEventLoop: true,
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: headers['lambda-runtime-invoked-function-arn'] as string,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: requestId,
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    identity: parse('lambda-runtime-cognito-identity'),
    clientContext: parse('lambda-runtime-client-context'),
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
  return context;
}

/**
 * Resolves when the event loop has nothing left that the handler started (timers, sockets,
 * files): Node emits 'beforeExit' exactly then, which is how the managed runtime waits too.
 * Polling the active handles instead races with the handler's last timer, and the process
 * exits in between with nothing answered.
 */
function eventLoopDrained(): Promise<void> {
  return new Promise((resolvePromise) => process.once('beforeExit', () => resolvePromise()));
}

async function runHandler(
  handler: Handler,
  event: unknown,
  context: ReturnType<typeof buildContext>,
): Promise<unknown> {
  return new Promise((resolvePromise, reject) => {
    let done = false;
    const finish = (err: unknown, result?: unknown) => {
      if (done) return;
      done = true;
      if (err !== undefined && err !== null) reject(err);
      else resolvePromise(result);
    };
    // Callback-style answers wait for the event loop to drain unless the handler says not to,
    // as on AWS (callbackWaitsForEmptyEventLoop); async handlers answer when their promise settles.
    const callback = (err: unknown, result?: unknown) => {
      if (done) return;
      if (context.callbackWaitsForEmptyEventLoop) void eventLoopDrained().then(() => finish(err, result));
      else finish(err, result);
    };
    // Legacy context methods, still used by older samples.
    Object.assign(context, {
      done: callback,
      succeed: (r: unknown) => callback(null, r),
      fail: (e: unknown) => callback(e ?? new Error('handled')),
    });
    try {
      const out = handler.length >= 3 ? handler(event, context, callback) : handler(event, context);
      if (out && typeof (out as Promise<unknown>).then === 'function')
        (out as Promise<unknown>).then(
          (r) => finish(null, r),
          (e: unknown) => finish(e ?? new Error('rejected')),
        );
      else if (handler.length < 3) finish(null, out);
    } catch (e) {
      finish(e);
    }
  });
}

async function postError(requestId: string, shape: ErrorShape): Promise<void> {
  const markers = flushMarker(requestId);
  await call('POST', `/2018-06-01/runtime/invocation/${encodeURIComponent(requestId)}/error`, JSON.stringify(shape), {
    'lambda-runtime-function-error-type': shape.errorType,
    ...markers,
  });
}

async function main(): Promise<void> {
  patchConsole();
  trackWrites('stdout');
  trackWrites('stderr');
  let handler: Handler;
  try {
    handler = await loadHandler();
  } catch (e) {
    const shape = toErrorShape(e, e instanceof RuntimeError ? e.type : undefined);
    if (e instanceof RuntimeError) shape.trace = [`${shape.errorType}: ${shape.errorMessage}`, ...shape.trace.slice(1)];
    logError('Uncaught Exception', shape);
    await call('POST', '/2018-06-01/runtime/init/error', JSON.stringify(shape), {
      'lambda-runtime-function-error-type': shape.errorType,
    });
    process.exit(129);
  }
  const fail = (kind: string) => (err: unknown) => {
    const shape = toErrorShape(
      err,
      kind === 'Unhandled Promise Rejection' ? 'Runtime.UnhandledPromiseRejection' : undefined,
    );
    logError(kind, shape);
    const id = currentRequestId;
    (id ? postError(id, shape) : Promise.resolve()).finally(() => process.exit(129));
  };
  process.on('uncaughtException', fail('Uncaught Exception'));
  process.on('unhandledRejection', fail('Unhandled Promise Rejection'));
  for (;;) {
    let next;
    try {
      next = await call('GET', '/2018-06-01/runtime/invocation/next');
    } catch {
      process.exit(0); // the local cloud has gone away
    }
    const requestId = next.headers['lambda-runtime-aws-request-id'] as string;
    currentRequestId = requestId;
    process.env._X_AMZN_TRACE_ID = String(next.headers['lambda-runtime-trace-id'] ?? '');
    const context = buildContext(next.headers, requestId);
    try {
      const event = next.body ? (JSON.parse(next.body) as unknown) : {};
      const result = await runHandler(handler, event, context);
      const body = JSON.stringify(result === undefined ? null : result);
      const markers = flushMarker(requestId);
      await call('POST', `/2018-06-01/runtime/invocation/${encodeURIComponent(requestId)}/response`, body, markers);
    } catch (e) {
      const shape = toErrorShape(e);
      logError('Invoke Error', shape);
      await postError(requestId, shape);
    }
    currentRequestId = undefined;
  }
}

void main();
