// SQS event source mappings: pollers that long-poll the queue, batch messages (BatchSize,
// MaximumBatchingWindowInSeconds), invoke the function synchronously and delete what
// succeeded. Failed messages become visible again after the visibility timeout; the queue's
// redrive policy moves them to its dead-letter queue, as on AWS.
import type { SqsInternal, SqsReceivedMessage } from '../../server/internal';
import type { CloudContext } from '../../server/types';
import type { Invocations } from '../invocations';
import type { LambdaModel } from '../model/lambdaModel';
import type { EventSourceMapping } from '../model/types';
import { failedItems, sqsEvent } from './sqsEvent';

/** AWS starts five pollers per SQS mapping (ScalingConfig.MaximumConcurrency can lower it). */
const DEFAULT_POLLERS = 5;

interface Running {
  key: string;
  abort: AbortController;
}

export class SqsPollers {
  private readonly running = new Map<string, Running>();

  constructor(
    private readonly ctx: CloudContext,
    private readonly model: LambdaModel,
    private readonly invocations: Invocations,
  ) {}

  /** Starts pollers for enabled mappings, stops those deleted, disabled or changed. */
  sync(): void {
    for (const [uuid, r] of this.running) {
      const m = this.model.mappings.get(uuid);
      if (!m || m.State !== 'Enabled' || this.key(m) !== r.key) {
        r.abort.abort();
        this.running.delete(uuid);
      }
    }
    for (const m of this.model.mappings.values()) {
      if (m.State !== 'Enabled' || this.running.has(m.UUID)) continue;
      const r: Running = { key: this.key(m), abort: new AbortController() };
      this.running.set(m.UUID, r);
      const pollers = Math.max(1, Math.min(DEFAULT_POLLERS, m.ScalingConfig?.MaximumConcurrency ?? DEFAULT_POLLERS));
      for (let i = 0; i < pollers; i++) void this.loop(m, r.abort.signal);
    }
  }

  stop(): void {
    for (const r of this.running.values()) r.abort.abort();
    this.running.clear();
  }

  private key(m: EventSourceMapping): string {
    return JSON.stringify([
      m.LastModified,
      m.FunctionArn,
      m.BatchSize,
      m.MaximumBatchingWindowInSeconds,
      m.FunctionResponseTypes,
    ]);
  }

  private async loop(m: EventSourceMapping, signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const sqs = this.ctx.services.get<SqsInternal>('sqs');
      try {
        if (!sqs) throw new Error('the SQS service is not running');
        const batch = await this.collect(sqs, m, signal);
        if (signal.aborted || batch.length === 0) continue;
        await this.process(sqs, m, batch);
      } catch (e) {
        if (signal.aborted) return;
        this.ctx.log(`lambda: event source mapping ${m.UUID} (${m.EventSourceArn}): ${(e as Error).message}`);
        await sleep(5000, signal);
      }
    }
  }

  private async collect(sqs: SqsInternal, m: EventSourceMapping, signal: AbortSignal): Promise<SqsReceivedMessage[]> {
    const batch: SqsReceivedMessage[] = [];
    const windowMs = m.MaximumBatchingWindowInSeconds * 1000;
    let deadline = Infinity;
    while (!signal.aborted && batch.length < m.BatchSize) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) break;
      const waitSeconds = batch.length === 0 ? 20 : Math.max(0, Math.min(20, Math.floor(remaining / 1000)));
      const got = await sqs.receiveInternal(m.EventSourceArn, {
        max: Math.min(10, m.BatchSize - batch.length),
        waitSeconds,
        signal,
      });
      if (got.length && batch.length === 0) deadline = Date.now() + windowMs;
      batch.push(...got);
      if (windowMs === 0 && batch.length > 0) break;
      if (got.length === 0 && batch.length > 0 && waitSeconds === 0) await sleep(Math.min(200, remaining), signal);
    }
    return batch;
  }

  private async process(sqs: SqsInternal, m: EventSourceMapping, batch: SqsReceivedMessage[]): Promise<void> {
    const payload = Buffer.from(JSON.stringify(sqsEvent(batch, m.EventSourceArn, this.ctx.region)));
    let keep: Set<string>;
    try {
      const result = await this.invocations.invoke(m.FunctionArn, payload, { invocationType: 'RequestResponse' });
      if (result.functionError) keep = new Set(batch.map((b) => b.messageId));
      else
        keep = m.FunctionResponseTypes.includes('ReportBatchItemFailures')
          ? failedItems(result.payload, batch)
          : new Set();
    } catch (e) {
      // Throttled or the function is gone: the messages come back after their visibility timeout.
      this.ctx.log(`lambda: event source mapping ${m.UUID} could not invoke ${m.FunctionArn}: ${(e as Error).message}`);
      return;
    }
    for (const msg of batch) {
      if (!keep.has(msg.messageId))
        await sqs.deleteInternal(m.EventSourceArn, msg.receiptHandle).catch(() => undefined);
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });
}
