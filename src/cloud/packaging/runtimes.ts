// Lambda runtimes lessons may use and what packaging each needs. Which runtimes exist, and
// until when AWS accepts them, is AWS's calendar (one dated table, shared with the local cloud).
import { KNOWN_RUNTIMES, type KnownRuntime } from '../../shared/lambdaRuntimeCalendar';

export {
  blockedRuntimeMessage,
  runtimeBlocked,
  runtimeLifecycle,
  recommendedRuntime,
  RUNTIME_CALENDAR_SOURCE,
} from '../../shared/lambdaRuntimeCalendar';

export const SUPPORTED_RUNTIMES = KNOWN_RUNTIMES;
export type Runtime = KnownRuntime;

export function isSupportedRuntime(r: string): r is Runtime {
  return (SUPPORTED_RUNTIMES as readonly string[]).includes(r);
}

export function runtimeFamily(r: string): 'node' | 'python' | 'provided' {
  if (r.startsWith('nodejs')) return 'node';
  if (r.startsWith('python')) return 'python';
  return 'provided';
}

/** esbuild target for a Node.js runtime, e.g. nodejs20.x → node20. */
export function nodeTarget(r: string): string {
  return `node${/nodejs(\d+)/.exec(r)?.[1] ?? '20'}`;
}

/** The module file a handler string points at, e.g. `app.handler` → app.ts, app.js … */
export function handlerModule(handler: string): string {
  const dot = handler.lastIndexOf('.');
  return dot < 0 ? handler : handler.slice(0, dot);
}

export function handlerFileCandidates(runtime: string, handler: string): string[] {
  const mod = handlerModule(handler);
  switch (runtimeFamily(runtime)) {
    case 'node':
      return ['.ts', '.mts', '.js', '.mjs', '.cjs'].map((e) => mod + e);
    case 'python':
      return [mod.replace(/\./g, '/') + '.py'];
    default:
      return ['bootstrap'];
  }
}
