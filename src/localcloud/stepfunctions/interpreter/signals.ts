// Abort signals shared by many chains: a Map of 1,000 items puts hundreds of listeners on one
// signal, which is expected here and must not print Node's listener-leak warning.
import { setMaxListeners } from 'node:events';

export function unlimited<T extends AbortSignal>(signal: T): T {
  setMaxListeners(0, signal);
  return signal;
}

/** A signal aborted by `parent` or by the returned controller. */
export function childSignal(parent: AbortSignal): { controller: AbortController; signal: AbortSignal } {
  const controller = new AbortController();
  return { controller, signal: unlimited(AbortSignal.any([parent, unlimited(controller.signal)])) };
}
