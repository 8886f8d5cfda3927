// One synchronous invocation end to end: pick an environment, run the event, write START /
// END / REPORT, ship the logs, and shape the answer as Invoke returns it.
import { randomBytes, randomUUID } from 'node:crypto';
import type { InvokeResult } from '../../server/internal';
import type { ResolvedFunction } from '../model/lambdaModel';
import type { EnvironmentPool } from './environmentPool';
import { logTail, type LogShipper } from './logShipper';
import { endLine, reportLine, startLine } from './platformLines';

export interface InvokeOptions {
  logType?: 'Tail' | 'None';
  clientContext?: string;
  /** ARN the caller used (with its qualifier), as context.invokedFunctionArn shows it. */
  invokedArn: string;
  requestId?: string;
}

export interface InvocationRecord extends InvokeResult {
  requestId: string;
  durationMs: number;
  initDurationMs?: number;
}

export class Invoker {
  constructor(
    private readonly pool: EnvironmentPool,
    private readonly shipper: LogShipper,
    private readonly codeDir: (resolved: ResolvedFunction) => string,
    /** The function's configuration now, to retire environments of replaced revisions. */
    private readonly currentConfig: (name: string, version: string) => ResolvedFunction['config'] | undefined,
  ) {}

  async invoke(resolved: ResolvedFunction, payload: Buffer, options: InvokeOptions): Promise<InvocationRecord> {
    const { config, record, version } = resolved;
    const requestId = options.requestId ?? randomUUID();
    const env = this.pool.acquire(config, () => this.codeDir(resolved), record.reservedConcurrency);
    const lines: string[] = [];
    env.collector = lines;
    try {
      if (env.state === 'starting') await env.start();
      const deadline = Date.now() + config.Timeout * 1000;
      const result = await env.run(
        {
          requestId,
          payload,
          deadlineMs: deadline,
          invokedFunctionArn: options.invokedArn,
          traceId: traceId(),
          clientContext: options.clientContext,
        },
        config.Timeout,
        () => env.log(startLine(requestId, version)),
      );
      const o = result.outcome;
      env.log(endLine(requestId));
      env.log(
        reportLine({
          requestId,
          durationMs: result.durationMs,
          memorySizeMb: config.MemorySize,
          maxMemoryUsedMb: result.maxMemoryUsedMb,
          initDurationMs: result.initDurationMs,
          status: o.kind === 'failed' ? o.status : undefined,
          errorType: o.kind === 'failed' && o.status === 'error' ? o.errorType : undefined,
        }),
      );
      this.shipper.flush();
      const failed = o.kind === 'error' || o.kind === 'failed';
      return {
        requestId,
        statusCode: 200,
        payload: o.kind === 'timeout' ? Buffer.alloc(0) : o.payload,
        functionError: failed ? 'Unhandled' : undefined,
        logResult: options.logType === 'Tail' ? logTail(lines) : undefined,
        executedVersion: version,
        durationMs: result.durationMs,
        initDurationMs: result.initDurationMs,
      };
    } finally {
      env.collector = undefined;
      // An environment still starting or busy here failed unexpectedly: it cannot be trusted.
      if (env.state === 'starting' || env.state === 'busy') env.dispose();
      this.pool.release(env, this.currentConfig(config.FunctionName, config.Version));
    }
  }
}

/** Random bytes for trace ids, drawn 4 KB at a time: each draw from the system has its own cost. */
const TRACE_BYTES = 24;
let randomPool = Buffer.alloc(0);
let randomAt = 0;

/** X-Ray trace header shape: Root=1-{8 hex time}-{24 hex};Parent=…;Sampled=0. */
function traceId(): string {
  const time = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0');
  if (randomAt + TRACE_BYTES > randomPool.length) {
    randomPool = randomBytes(4096);
    randomAt = 0;
  }
  const hex = randomPool.toString('hex', randomAt, (randomAt += TRACE_BYTES));
  return `Root=1-${time}-${hex.slice(0, 24)};Parent=${hex.slice(24, 40)};Sampled=0;Lineage=1:${hex.slice(40, 48)}:0`;
}
