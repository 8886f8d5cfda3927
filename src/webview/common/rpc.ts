// The view's side of the protocol: requests answered by id, events from the host, `ready` once
// the listener is in place. Everything that arrives is validated before use.
import { parseHostMessage, type MethodTable } from '../../shared/webviewProtocol';
import { vscodeApi } from './vscodeApi';

export class HostClient<M extends MethodTable, E extends { type: string }> {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private readonly listeners: Array<(e: E) => void> = [];

  constructor() {
    window.addEventListener('message', (ev: MessageEvent) => this.onMessage(ev.data));
  }

  /** Tell the host the view listens; call after every onEvent handler is registered. */
  ready(): void {
    vscodeApi().postMessage({ kind: 'ready' });
  }

  request<K extends keyof M & string>(method: K, params: M[K]['params']): Promise<M[K]['result']> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      vscodeApi().postMessage({ kind: 'request', id, method, params });
    });
  }

  onEvent(listener: (e: E) => void): void {
    this.listeners.push(listener);
  }

  private onMessage(raw: unknown): void {
    let msg;
    try {
      msg = parseHostMessage(raw);
    } catch (e) {
      console.warn('ignored a malformed message from the host', e);
      return;
    }
    if (msg.kind === 'event') {
      for (const l of this.listeners) l(msg.event as E);
      return;
    }
    const w = this.waiting.get(msg.id);
    if (!w) return;
    this.waiting.delete(msg.id);
    if (msg.ok) w.resolve(msg.result);
    else w.reject(new Error(msg.error));
  }
}
