// The SQS service of the local cloud: wires the model to the HTTP core, the journal and
// the other services (SqsInternal for S3 notifications and Lambda event source mappings).
import type { SqsInternal, SqsMessageAttributeValue, SqsReceivedMessage } from '../server/internal';
import type { AwsRequest, AwsResponse, CloudContext, ServiceFactory } from '../server/types';
import { AwsError } from '../server/errors';
import { QueueDoesNotExist } from './errors';
import { SqsBackend, type BackendSnapshot } from './model/backend';
import type { SqsEvent } from './model/events';
import { systemAttributesOf } from './model/message';
import { changeVisibility, deleteMessages, receiveMessages, sendMessages } from './model/messaging';
import { MoveTasks } from './model/moveTasks';
import type { ActionContext } from './protocol/context';
import { dispatchSqs } from './protocol/dispatch';
import { policyAllowsServiceSend } from './model/queuePolicy';

export const createSqsService: ServiceFactory = (ctx: CloudContext) => new SqsService(ctx);

class SqsService implements SqsInternal {
  readonly name = 'sqs';
  private readonly backend: SqsBackend;
  private readonly moveTasks: MoveTasks;

  constructor(private readonly ctx: CloudContext) {
    this.backend = new SqsBackend({
      region: ctx.region,
      accountId: ctx.accountId,
      endpoint: ctx.endpoint,
      record: (event) => ctx.journal.append('sqs', event),
    });
    this.moveTasks = new MoveTasks(this.backend);
  }

  handle(req: AwsRequest): Promise<AwsResponse> {
    const c: ActionContext = {
      backend: this.backend,
      moveTasks: this.moveTasks,
      senderId: this.ctx.accountId,
      // Read by ReceiveMessage alone: other actions never make the request's abort signal.
      get signal() {
        return req.signal;
      },
    };
    return dispatchSqs(req, c);
  }

  loadSnapshot(snapshot: unknown): void {
    this.backend.load(snapshot as BackendSnapshot);
  }

  applyEvent(event: unknown): void {
    this.backend.apply(event as SqsEvent);
  }

  snapshot(): unknown {
    return this.backend.snapshot();
  }

  start(): void {
    this.moveTasks.resume();
  }

  stop(): void {
    this.moveTasks.stop();
    this.backend.longPoll.releaseAll();
  }

  findQueue(arnOrUrl: string): ReturnType<SqsInternal['findQueue']> {
    const q = this.backend.find(arnOrUrl);
    if (!q) return undefined;
    return {
      name: q.name,
      arn: q.arn,
      url: this.backend.urlOf(q.name),
      fifo: q.fifo,
      visibilityTimeout: q.int('VisibilityTimeout'),
    };
  }

  allowsServiceSend(arnOrUrl: string, service: string, sourceArn: string, sourceAccount: string): boolean {
    const q = this.backend.find(arnOrUrl);
    return !!q && policyAllowsServiceSend(q.attributes.Policy, { service, queueArn: q.arn, sourceArn, sourceAccount });
  }

  async sendInternal(
    arnOrUrl: string,
    body: string,
    options: {
      messageAttributes?: Record<string, SqsMessageAttributeValue>;
      messageGroupId?: string;
      messageDeduplicationId?: string;
      delaySeconds?: number;
    } = {},
  ): Promise<{ messageId: string; md5OfBody: string; sequenceNumber?: string }> {
    const q = this.backend.require(arnOrUrl);
    const input = {
      body,
      attributes: options.messageAttributes,
      groupId: options.messageGroupId,
      deduplicationId: options.messageDeduplicationId,
      delaySeconds: options.delaySeconds,
    };
    const [result] = sendMessages(this.backend, q, [input], this.ctx.accountId);
    if (result instanceof AwsError) throw result;
    return { messageId: result!.messageId, md5OfBody: result!.md5OfBody, sequenceNumber: result!.sequenceNumber };
  }

  async receiveInternal(
    arnOrUrl: string,
    options: { max: number; waitSeconds: number; visibilityTimeout?: number; signal?: AbortSignal },
  ): Promise<SqsReceivedMessage[]> {
    const q = this.backend.require(arnOrUrl);
    // Event source mappings may ask for more than ReceiveMessage's 10: wait for the first
    // messages, then take what is already there in rounds of 10.
    const messages = await receiveMessages(this.backend, q, {
      max: Math.min(10, options.max),
      waitSeconds: options.waitSeconds,
      visibilityTimeout: options.visibilityTimeout,
      signal: options.signal,
    });
    while (messages.length > 0 && messages.length < options.max && messages.length % 10 === 0) {
      const more = await receiveMessages(this.backend, q, {
        max: Math.min(10, options.max - messages.length),
        waitSeconds: 0,
        visibilityTimeout: options.visibilityTimeout,
      });
      if (more.length === 0) break;
      messages.push(...more);
    }
    return messages.map((m) => ({
      messageId: m.id,
      receiptHandle: m.receiptHandle,
      body: m.body,
      md5OfBody: m.md5OfBody,
      ...(m.md5OfAttributes ? { md5OfMessageAttributes: m.md5OfAttributes } : {}),
      attributes: systemAttributesOf(m),
      messageAttributes: m.attributes ?? {},
    }));
  }

  async deleteInternal(arnOrUrl: string, receiptHandle: string): Promise<void> {
    const [err] = deleteMessages(this.backend, this.backend.require(arnOrUrl), [receiptHandle]);
    if (err) throw err;
  }

  async changeVisibilityInternal(
    arnOrUrl: string,
    receiptHandle: string,
    visibilityTimeoutSeconds: number,
  ): Promise<void> {
    const q = this.backend.find(arnOrUrl);
    if (!q) throw new QueueDoesNotExist();
    const [err] = changeVisibility(this.backend, q, [{ handle: receiptHandle, timeout: visibilityTimeoutSeconds }]);
    if (err) throw err;
  }
}
