// Lambda state: functions (with versions, aliases, policies, URLs) and event source mappings.
// Every change is a whole-record event, applied the same way live and on journal replay.
import { AwsError } from '../../server/errors';
import { functionArn, parseFunctionRef } from './functionRef';
import type { EventSourceMapping, FunctionRecord, LambdaEvent, PendingAsyncEvent, VersionConfig } from './types';
import { ResourceNotFoundException } from '../errors';

export interface ResolvedFunction {
  record: FunctionRecord;
  config: VersionConfig;
  /** `$LATEST` or the version number the call runs. */
  version: string;
  /** The qualifier as given (alias name, version or undefined). */
  qualifier?: string;
}

export class LambdaModel {
  readonly functions = new Map<string, FunctionRecord>();
  readonly mappings = new Map<string, EventSourceMapping>();
  readonly pendingAsync = new Map<string, PendingAsyncEvent>();

  constructor(
    readonly region: string,
    readonly accountId: string,
    private readonly record: (e: LambdaEvent) => void,
    /** Told of every function change, so warm environments of old code can be retired. */
    private readonly onChange: (name: string) => void = () => undefined,
  ) {}

  commit(e: LambdaEvent): void {
    this.apply(e);
    this.record(e);
  }

  apply(e: LambdaEvent): void {
    switch (e.t) {
      case 'putFunction':
        this.functions.set(e.record.name, e.record);
        this.onChange(e.record.name);
        break;
      case 'deleteFunction':
        this.functions.delete(e.name);
        this.onChange(e.name);
        break;
      case 'putEsm':
        this.mappings.set(e.esm.UUID, e.esm);
        break;
      case 'deleteEsm':
        this.mappings.delete(e.uuid);
        break;
      case 'asyncQueued':
        this.pendingAsync.set(e.event.requestId, e.event);
        break;
      case 'asyncDone':
        this.pendingAsync.delete(e.requestId);
        break;
    }
  }

  arn(name: string, qualifier?: string): string {
    return functionArn(this.region, this.accountId, name, qualifier);
  }

  notFound(name: string, qualifier?: string): AwsError {
    return new ResourceNotFoundException(`Function not found: ${this.arn(name, qualifier)}`);
  }

  /** The function record for a reference; the qualifier is ignored. */
  get(ref: string): FunctionRecord {
    const { name } = parseFunctionRef(ref);
    const record = this.functions.get(name);
    if (!record) throw this.notFound(name);
    return record;
  }

  /** A copy to modify and commit. */
  copy(ref: string): FunctionRecord {
    return structuredClone(this.get(ref));
  }

  save(record: FunctionRecord): void {
    this.commit({ t: 'putFunction', record });
  }

  /** Resolves name + qualifier (version, alias or $LATEST) to the configuration that runs. */
  resolve(ref: string, qualifier?: string): ResolvedFunction {
    const parsed = parseFunctionRef(ref, qualifier);
    const record = this.functions.get(parsed.name);
    if (!record) throw this.notFound(parsed.name, parsed.qualifier);
    const q = parsed.qualifier;
    if (q === undefined || q === '$LATEST') return { record, config: record.latest, version: '$LATEST', qualifier: q };
    if (/^\d+$/.test(q)) {
      const config = record.versions[q];
      if (!config) throw this.notFound(parsed.name, q);
      return { record, config, version: q, qualifier: q };
    }
    const alias = record.aliases[q];
    if (!alias) throw this.notFound(parsed.name, q);
    const version = alias.FunctionVersion;
    const config = version === '$LATEST' ? record.latest : record.versions[version];
    if (!config) throw this.notFound(parsed.name, q);
    return { record, config, version, qualifier: q };
  }

  snapshot(): unknown {
    return {
      functions: [...this.functions.values()],
      mappings: [...this.mappings.values()],
      pendingAsync: [...this.pendingAsync.values()],
    };
  }

  load(snapshot: unknown): void {
    const s = snapshot as {
      functions: FunctionRecord[];
      mappings: EventSourceMapping[];
      pendingAsync?: PendingAsyncEvent[];
    };
    this.functions.clear();
    this.mappings.clear();
    for (const f of s.functions) this.functions.set(f.name, f);
    for (const m of s.mappings) this.mappings.set(m.UUID, m);
    for (const p of s.pendingAsync ?? []) this.pendingAsync.set(p.requestId, p);
  }
}
