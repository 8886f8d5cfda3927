// The services of one local cloud: created when first needed (a request for one, state of its
// own to restore, or a service that calls it), or all at start when the caller hands in
// factories. A service created after the start has nothing to restore: whatever it held on
// disk made it start with the server.
import type { ServiceEntry } from '../services';
import type { RestoredState } from './journal';
import type { CloudContext, LocalService, ServiceFactory, ServiceRegistry } from './types';

export class ServiceSet implements ServiceRegistry {
  /** In creation order, which is also an order where a service comes after those it uses. */
  readonly running: LocalService[] = [];
  private readonly byName = new Map<string, LocalService>();
  private readonly entries = new Map<string, ServiceEntry>();
  private readonly loading = new Map<string, Promise<LocalService | undefined>>();
  private ctx?: CloudContext;
  private started = false;
  /** Data planes, once every one of them is loaded. */
  private planes?: LocalService[];

  constructor(catalog: readonly ServiceEntry[]) {
    for (const e of catalog) {
      this.entries.set(e.name, e);
      for (const alias of e.aliases ?? []) this.entries.set(alias, e);
    }
  }

  /** Every name that can be served, loaded or not (for the health route). */
  names(): string[] {
    const names = new Set([...this.running.map((s) => s.name), ...[...this.entries.values()].map((e) => e.name)]);
    return [...names];
  }

  get<T extends LocalService>(name: string): T | undefined {
    return this.byName.get(name) as T | undefined;
  }

  /**
   * Creates the given services (eagerly handed-in factories) and those of the catalog that have
   * state to restore, restores them (snapshots, then the journal's events in order) and returns
   * once they are ready to be started.
   */
  async restore(
    ctx: CloudContext,
    factories: readonly ServiceFactory[],
    restored: RestoredState,
    log: (line: string) => void,
  ): Promise<void> {
    this.ctx = ctx;
    for (const f of factories) this.add(f(ctx));
    const withState = new Set([...Object.keys(restored.snapshots), ...restored.events.map((r) => r.s)]);
    for (const name of withState) await this.create(name);
    for (const s of this.running) {
      const snap = restored.snapshots[s.name];
      if (snap !== undefined) s.loadSnapshot?.(snap);
    }
    restored.events.forEach((record, i) => {
      try {
        this.byName.get(record.s)?.applyEvent?.(record.e);
      } catch (e) {
        // Only after a damaged record was skipped can a later one refer to what it held.
        log(
          `local cloud: journal event ${i + 1} (${record.s}) could not be applied and was skipped: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
    });
  }

  /** Starts what restore() created; services created later start as they are created. */
  async start(): Promise<void> {
    for (const s of [...this.running]) await s.start?.();
    this.started = true;
  }

  /** The service answering this signing name, created on first use; undefined if there is none. */
  async ensure(name: string): Promise<LocalService | undefined> {
    return this.byName.get(name) ?? this.create(name);
  }

  /** Every service that answers unsigned data-plane requests: the catalog's order, then handed-in ones. */
  async dataPlanes(): Promise<LocalService[]> {
    return this.planes ?? this.loadDataPlanes();
  }

  private async loadDataPlanes(): Promise<LocalService[]> {
    const planes: LocalService[] = [];
    for (const e of new Set(this.entries.values())) {
      const s = e.dataPlane ? await this.ensure(e.name) : undefined;
      if (s?.handleUnsigned) planes.push(s);
    }
    for (const s of this.running) if (s.handleUnsigned && !planes.includes(s)) planes.push(s);
    // Kept until another service is added (add() forgets it).
    this.planes = planes;
    return planes;
  }

  snapshots(): Record<string, unknown> {
    return Object.fromEntries(this.running.filter((s) => s.snapshot).map((s) => [s.name, s.snapshot!()]));
  }

  async stop(): Promise<void> {
    // Those that use others stop first.
    for (const s of [...this.running].reverse()) await s.stop?.();
  }

  private create(name: string): Promise<LocalService | undefined> {
    const entry = this.entries.get(name);
    if (!entry) return Promise.resolve(this.byName.get(name));
    let pending = this.loading.get(entry.name);
    if (!pending) {
      pending = this.load(entry);
      this.loading.set(entry.name, pending);
      // A load that failed (a module that cannot be read) is tried again by the next request.
      pending.catch(() => this.loading.delete(entry.name));
    }
    return pending;
  }

  private async load(entry: ServiceEntry): Promise<LocalService> {
    const existing = this.byName.get(entry.name);
    if (existing) return existing;
    for (const used of entry.uses ?? []) await this.ensure(used);
    const factory = await entry.load();
    const again = this.byName.get(entry.name);
    if (again) return again;
    const service = factory(this.ctx!);
    this.add(service);
    if (this.started) await service.start?.();
    return service;
  }

  private add(service: LocalService): void {
    this.planes = undefined;
    this.running.push(service);
    this.byName.set(service.name, service);
    for (const alias of service.aliases ?? []) this.byName.set(alias, service);
  }
}
