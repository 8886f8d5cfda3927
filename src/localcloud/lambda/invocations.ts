// Invoking functions, for the Invoke API and for other services: limits, resource-policy
// checks, synchronous runs, and the asynchronous queue with Lambda's retry behaviour.
import type { InvokeResult, SqsInternal } from '../server/internal';
import { CallerLeft } from '../server/errors';
import type { CloudContext } from '../server/types';
import type { LambdaModel, ResolvedFunction } from './model/lambdaModel';
import { allowsInvoke, statementsFor } from './model/policy';
import { AsyncQueue } from './runtime/asyncQueue';
import type { Invoker, InvocationRecord } from './runtime/invoker';
import { AccessDeniedException, InvalidRequestContentException, RequestTooLargeException } from './errors';

/** Payload limits: 6 MB synchronous, 1 MB asynchronous (raised from 256 KB in October 2025). */
export const MAX_SYNC_PAYLOAD = 6_291_456;
export const MAX_ASYNC_PAYLOAD = 1_048_576;

export interface InvokeRequest {
  invocationType: 'RequestResponse' | 'Event' | 'DryRun';
  qualifier?: string;
  logType?: 'Tail' | 'None';
  clientContext?: string;
  principal?: string;
  sourceArn?: string;
  sourceAccount?: string;
  /** Aborts when the caller of a RequestResponse invocation disconnects: its wait ends then. */
  signal?: AbortSignal;
}

export class Invocations {
  readonly queue: AsyncQueue;

  constructor(
    private readonly ctx: CloudContext,
    private readonly model: LambdaModel,
    private readonly invoker: Invoker,
  ) {
    this.queue = new AsyncQueue({
      run: (resolved, payload, requestId) =>
        this.invoker.invoke(resolved, payload, {
          invokedArn: this.model.arn(resolved.record.name, resolved.qualifier),
          requestId,
        }),
      resolve: (name, qualifier) => this.model.resolve(name, qualifier),
      sqs: () => ctx.services.get<SqsInternal>('sqs'),
      log: (m) => ctx.log(m),
      accepted: (event) => this.model.commit({ t: 'asyncQueued', event }),
      finished: (requestId) => {
        if (this.model.pendingAsync.has(requestId)) this.model.commit({ t: 'asyncDone', requestId });
      },
    });
  }

  async invoke(
    functionRef: string,
    payload: Buffer,
    req: InvokeRequest,
  ): Promise<InvokeResult & { requestId?: string }> {
    const resolved = this.model.resolve(functionRef, req.qualifier);
    if (req.principal) this.checkPolicy(resolved, req);
    const limit = req.invocationType === 'Event' ? MAX_ASYNC_PAYLOAD : MAX_SYNC_PAYLOAD;
    if (payload.length > limit) {
      throw new RequestTooLargeException(
        `Request must be smaller than ${limit} bytes for the ${req.invocationType === 'Event' ? 'InvokeAsync' : 'InvokeFunction'} operation`,
      );
    }
    if (payload.length > 0) {
      try {
        JSON.parse(payload.toString('utf8'));
      } catch {
        throw new InvalidRequestContentException(
          'Could not parse request body into json: Could not parse payload into json: Unexpected character: was expecting a JSON value',
        );
      }
    }
    const executedVersion = resolved.version;
    if (req.invocationType === 'DryRun') return { statusCode: 204, payload: Buffer.alloc(0), executedVersion };
    if (req.invocationType === 'Event') {
      const requestId = this.queue.enqueue(resolved, payload.length ? payload : Buffer.from('{}'));
      return { statusCode: 202, payload: Buffer.alloc(0), executedVersion, requestId };
    }
    const invokedArn = this.model.arn(resolved.record.name, resolved.qualifier);
    const running: Promise<InvocationRecord> = this.invoker.invoke(
      resolved,
      payload.length ? payload : Buffer.from('{}'),
      {
        logType: req.logType,
        clientContext: req.clientContext ? Buffer.from(req.clientContext, 'base64').toString('utf8') : undefined,
        invokedArn,
      },
    );
    return untilCallerLeaves(running, req.signal, () =>
      this.ctx.log(
        `lambda: the caller of ${invokedArn} disconnected before the function answered; the invocation runs to completion and its result is dropped.`,
      ),
    );
  }

  /** A service invoking for a customer: the function's resource policy must allow it. */
  private checkPolicy(resolved: ResolvedFunction, req: InvokeRequest): void {
    const request = {
      principal: req.principal!,
      sourceArn: req.sourceArn,
      sourceAccount: req.sourceAccount ?? this.ctx.accountId,
    };
    if (!allowsInvoke(statementsFor(resolved.record, resolved.qualifier), request)) {
      throw new AccessDeniedException(
        `${req.principal} is not allowed to invoke ${this.model.arn(resolved.record.name, resolved.qualifier)}${req.sourceArn ? ` for ${req.sourceArn}` : ''}: add a resource-based policy statement with lambda:AddPermission (Principal ${req.principal}${req.sourceArn ? `, SourceArn ${req.sourceArn}` : ''}).`,
      );
    }
  }

  /** Resumes asynchronous events accepted before a restart. */
  resumePending(): void {
    for (const p of this.model.pendingAsync.values()) this.queue.resume(p);
  }

  stop(): void {
    this.queue.stop();
  }
}

/**
 * The caller's wait for a synchronous invocation: it ends with the invocation, or as soon as
 * the caller disconnects (rejecting with CallerLeft), whichever comes first; the listener on
 * the signal goes with it. The invocation itself is not stopped: on AWS a function whose
 * synchronous caller timed out or went away keeps running to completion and logs its REPORT
 * line (boto/boto3#2510, "Read timeout" on Invoke while CloudWatch shows the function
 * finishing later; Lambda operator guide, "Comparing Lambda invocation modes": callers may
 * time out before the function does; both read 2026-12-03). Its environment and concurrency
 * are therefore released only when it ends, exactly as they would be for a caller that stayed.
 */
function untilCallerLeaves<T>(running: Promise<T>, signal: AbortSignal | undefined, left: () => void): Promise<T> {
  if (!signal) return running;
  return new Promise<T>((resolve, reject) => {
    const callerLeft = () => {
      left();
      reject(new CallerLeft());
    };
    running.then(resolve, reject).finally(() => signal.removeEventListener('abort', callerLeft));
    if (signal.aborted) callerLeft();
    else signal.addEventListener('abort', callerLeft, { once: true });
  });
}
