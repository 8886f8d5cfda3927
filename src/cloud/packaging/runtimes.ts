// Lambda runtimes lessons may use and what packaging each needs.

export const SUPPORTED_RUNTIMES = ['nodejs18.x', 'nodejs20.x', 'nodejs22.x', 'python3.9', 'python3.10', 'python3.11', 'python3.12', 'python3.13', 'provided.al2023', 'provided.al2'] as const;
export type Runtime = (typeof SUPPORTED_RUNTIMES)[number];

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
