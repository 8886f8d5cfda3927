// Asynchronous invocations (InvocationType Event, S3 notifications): queued, run, and on a
// function error retried twice, waiting one minute and then two, as Lambda does (the retry
// count and maximum age come from PutFunctionEventInvokeConfig). Throttled events wait and try
// again until they are too old. Exhausted events go to the OnFailure destination or the
// dead-letter queue (SQS); successes to OnSuccess.
import { randomUUID } from 'node:crypto';
import { AwsError } from '../../server/errors';
import type { SqsInternal, SqsMessageAttributeValue } from '../../server/internal';
import type { ResolvedFunction } from '../model/lambdaModel';
import type { PendingAsyncEvent } from '../model/types';
import type { InvocationRecord } from './invoker';

const RETRY_DELAYS_MS = [60_000, 120_000];
/**
 * Async events run at most this many at a time (HOC_LAMBDA_ASYNC_CONCURRENCY), so a burst of
 * uploads queues up instead of starting a process per event on a laptop.
 */
function maxRunning(): number {
  const n = Number(process.env.HOC_LAMBDA_ASYNC_CONCURRENCY ?? 10);
  return Number.isInteger(n) && n > 0 ? n : 10;
}
const DEFAULT_MAX_AGE_S = 6 * 3600;

/** HOC_LAMBDA_ASYNC_RETRY_SCALE shortens the retry waits (e.g. 0.01 in tests); 1 = AWS's. */
function delayScale(): number {
  const s = Number(process.env.HOC_LAMBDA_ASYNC_RETRY_SCALE ?? 1);
  return Number.isFinite(s) && s >= 0 ? s : 1;
}

interface QueuedEvent {
  requestId: string;
  name: string;
  qualifier?: string;
  payload: Buffer;
  enqueuedAt: number;
  attempts: number;
}

export interface AsyncQueueDeps {
  run(resolved: ResolvedFunction, payload: Buffer, requestId: string): Promise<InvocationRecord>;
  resolve(name: string, qualifier?: string): ResolvedFunction;
  sqs(): SqsInternal | undefined;
  log(message: string): void;
  /** Durability: an accepted event is recorded until it is finished. */
  accepted(event: PendingAsyncEvent): void;
  finished(requestId: string): void;
}

export class AsyncQueue {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly waiting: QueuedEvent[] = [];
  private running = 0;
  private stopped = false;

  constructor(private readonly deps: AsyncQueueDeps) {}

  enqueue(resolved: ResolvedFunction, payload: Buffer): string {
    const ev: QueuedEvent = {
      requestId: randomUUID(),
      name: resolved.record.name,
      qualifier: resolved.qualifier,
      payload,
      enqueuedAt: Date.now(),
      attempts: 0,
    };
    this.deps.accepted({
      requestId: ev.requestId,
      name: ev.name,
      qualifier: ev.qualifier,
      payload: payload.toString('base64'),
      enqueuedAt: ev.enqueuedAt,
    });
    this.later(ev, 0);
    return ev.requestId;
  }

  /** Picks up an event accepted before a restart. */
  resume(p: PendingAsyncEvent): void {
    this.later(
      {
        requestId: p.requestId,
        name: p.name,
        qualifier: p.qualifier,
        payload: Buffer.from(p.payload, 'base64'),
        enqueuedAt: p.enqueuedAt,
        attempts: 0,
      },
      0,
    );
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private later(ev: QueuedEvent, ms: number): void {
    if (this.stopped) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      this.dispatch(ev);
    }, ms);
    this.timers.add(t);
  }

  private dispatch(ev: QueuedEvent): void {
    if (this.stopped) return;
    if (this.running >= maxRunning()) {
      this.waiting.push(ev);
      return;
    }
    this.running += 1;
    void this.attempt(ev)
      .then((more) => {
        if (!more) this.deps.finished(ev.requestId);
      })
      .finally(() => {
        this.running -= 1;
        const next = this.waiting.shift();
        if (next) this.dispatch(next);
      });
  }

  /** One try; true when the event was scheduled again. */
  private async attempt(ev: QueuedEvent): Promise<boolean> {
    let resolved: ResolvedFunction;
    try {
      resolved = this.deps.resolve(ev.name, ev.qualifier);
    } catch {
      return false; // the function is gone: the event is dropped, as on AWS
    }
    const config = resolved.record.eventInvokeConfig;
    const maxRetries = config?.MaximumRetryAttempts ?? 2;
    const maxAgeMs = (config?.MaximumEventAgeInSeconds ?? DEFAULT_MAX_AGE_S) * 1000;
    let result: InvocationRecord;
    try {
      result = await this.deps.run(resolved, ev.payload, ev.attempts === 0 ? ev.requestId : randomUUID());
    } catch (e) {
      if (e instanceof AwsError && e.code === 'TooManyRequestsException') {
        const wait = Math.min(1000 * 2 ** Math.min(ev.attempts, 8), 300_000) * delayScale();
        if (Date.now() + wait - ev.enqueuedAt < maxAgeMs) return this.again(ev, wait);
        await this.fail(resolved, ev, undefined, 'EventAgeExceeded');
        return false;
      }
      this.deps.log(`lambda: async invocation of ${ev.name} failed: ${(e as Error).message}`);
      return false;
    }
    ev.attempts += 1;
    if (!result.functionError) {
      await this.succeed(resolved, ev, result);
      return false;
    }
    if (ev.attempts <= maxRetries) {
      const wait = RETRY_DELAYS_MS[Math.min(ev.attempts - 1, RETRY_DELAYS_MS.length - 1)]! * delayScale();
      if (Date.now() + wait - ev.enqueuedAt < maxAgeMs) return this.again(ev, wait);
      await this.fail(resolved, ev, result, 'EventAgeExceeded');
      return false;
    }
    await this.fail(resolved, ev, result, 'RetriesExhausted');
    return false;
  }

  private again(ev: QueuedEvent, ms: number): true {
    this.later(ev, ms);
    return true;
  }

  private record(
    resolved: ResolvedFunction,
    ev: QueuedEvent,
    result: InvocationRecord | undefined,
    condition: string,
  ): string {
    let requestPayload: unknown;
    let responsePayload: unknown;
    try {
      requestPayload = JSON.parse(ev.payload.toString());
      responsePayload = result?.payload.length ? JSON.parse(result.payload.toString()) : null;
    } catch {
      responsePayload = result?.payload.toString();
    }
    return JSON.stringify({
      version: '1.0',
      timestamp: new Date().toISOString(),
      requestContext: {
        requestId: ev.requestId,
        functionArn: `${resolved.config.FunctionArn.replace(/:\d+$/, '')}:${resolved.version}`,
        condition,
        approximateInvokeCount: ev.attempts,
      },
      requestPayload,
      responseContext: {
        statusCode: 200,
        executedVersion: resolved.version,
        ...(result?.functionError ? { functionError: result.functionError } : {}),
      },
      responsePayload,
    });
  }

  private async succeed(resolved: ResolvedFunction, ev: QueuedEvent, result: InvocationRecord): Promise<void> {
    const target = resolved.record.eventInvokeConfig?.DestinationConfig?.OnSuccess?.Destination;
    if (target) await this.send(target, this.record(resolved, ev, result, 'Success'));
  }

  private async fail(
    resolved: ResolvedFunction,
    ev: QueuedEvent,
    result: InvocationRecord | undefined,
    condition: string,
  ): Promise<void> {
    const target = resolved.record.eventInvokeConfig?.DestinationConfig?.OnFailure?.Destination;
    if (target) return this.send(target, this.record(resolved, ev, result, condition));
    const dlq = resolved.config.DeadLetterConfig?.TargetArn;
    if (!dlq) return;
    let message = 'Unhandled';
    try {
      message = (JSON.parse(result?.payload.toString() ?? '{}') as { errorMessage?: string }).errorMessage ?? message;
    } catch {
      // keep the generic message
    }
    await this.send(dlq, ev.payload.toString(), {
      RequestID: { DataType: 'String', StringValue: ev.requestId },
      ErrorCode: { DataType: 'Number', StringValue: '200' },
      ErrorMessage: { DataType: 'String', StringValue: message.slice(0, 1000) },
    });
  }

  private async send(arn: string, body: string, attributes?: Record<string, SqsMessageAttributeValue>): Promise<void> {
    const sqs = this.deps.sqs();
    if (!arn.startsWith('arn:aws:sqs:') || !sqs) {
      this.deps.log(`lambda: cannot deliver to ${arn}: the local cloud delivers async results to SQS queues only.`);
      return;
    }
    try {
      await sqs.sendInternal(arn, body, attributes ? { messageAttributes: attributes } : undefined);
    } catch (e) {
      this.deps.log(`lambda: delivery to ${arn} failed: ${(e as Error).message}`);
    }
  }
}
