// Delivers bucket notifications to SQS queues and Lambda functions through their internal
// interfaces, in the order the changes happened, and validates destinations the way S3 does
// when a configuration is written. Each delivery is journaled with the change that caused
// it and marked done once handed over, so an acknowledged change is notified at least once,
// also across a crash.
import { randomUUID } from 'node:crypto';
import { InvalidArgument } from '../errors';
import type { LambdaInternal, SqsInternal } from '../../server/internal';
import type { CloudContext } from '../../server/types';
import { eventRecord, testEvent } from './eventRecords';
import { matchingTargets } from './notificationRules';
import type { NotificationConfig, NotificationTarget, ObjectChange, PendingDelivery, S3Event } from './types';

export class Notifier {
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly ctx: CloudContext,
    private readonly commit: (event: S3Event) => void,
  ) {}

  private get sqs(): SqsInternal | undefined {
    return this.ctx.services.get<SqsInternal>('sqs');
  }
  private get lambda(): LambdaInternal | undefined {
    return this.ctx.services.get<LambdaInternal>('lambda');
  }

  /** Throws InvalidArgument naming every destination that does not exist or cannot be reached. */
  validateDestinations(bucket: string, config: NotificationConfig): void {
    const problems: Array<[string, string]> = [];
    for (const target of config.targets) {
      const problem = this.destinationProblem(bucket, target);
      if (problem) problems.push([target.arn, problem]);
    }
    if (problems.length > 0) throw InvalidArgument.unvalidatedDestinations(problems);
  }

  private destinationProblem(bucket: string, target: NotificationTarget): string | undefined {
    switch (target.kind) {
      case 'queue':
        if (!this.sqs) return 'The local cloud runs no SQS service to deliver to.';
        if (!this.sqs.findQueue(target.arn))
          return 'The destination queue does not exist. Create it first, then configure the notification.';
        // As on AWS: the queue's access policy must let S3 send on behalf of this bucket.
        return this.sqs.allowsServiceSend(target.arn, 's3.amazonaws.com', `arn:aws:s3:::${bucket}`, this.ctx.accountId)
          ? undefined
          : 'Permissions on the destination queue do not allow S3 to publish notifications from this bucket';
      case 'lambda':
        if (!this.lambda) return 'The local cloud runs no Lambda service; notifications to functions need it.';
        return this.lambda.functionArn(target.arn)
          ? undefined
          : 'The destination function does not exist. Create it first, then configure the notification.';
      case 'topic':
        return 'The local cloud does not implement SNS; send notifications to an SQS queue or a Lambda function instead.';
    }
  }

  /** S3 sends an s3:TestEvent to every queue a new configuration names. */
  sendTestEvents(bucket: string, config: NotificationConfig, requestId: string): void {
    const queues = new Set(config.targets.filter((t) => t.kind === 'queue').map((t) => t.arn));
    for (const arn of queues)
      this.accept({ kind: 'queue', arn, bucket, message: JSON.stringify(testEvent(bucket, requestId, Date.now())) });
  }

  /** Journals and queues delivery of one change to every matching target. */
  notify(config: NotificationConfig, change: ObjectChange): void {
    for (const target of matchingTargets(config, change.eventName, change.key)) {
      if (target.kind === 'topic') continue;
      const record = eventRecord(change, target.id, ownerId(this.ctx.accountId));
      this.accept({
        kind: target.kind,
        arn: target.arn,
        bucket: change.bucket,
        message: JSON.stringify({ Records: [record] }),
      });
    }
  }

  /** Queues the deliveries a crash or stop left pending (called once on start). */
  resume(pending: Iterable<PendingDelivery>): void {
    for (const delivery of pending) this.enqueue(delivery);
  }

  /** Resolves when every queued delivery has been attempted. */
  idle(): Promise<void> {
    return this.queue;
  }

  private accept(delivery: Omit<PendingDelivery, 'id'>): void {
    const pending = { id: randomUUID(), ...delivery };
    this.commit({ t: 'notify.pending', delivery: pending });
    this.enqueue(pending);
  }

  private enqueue(delivery: PendingDelivery): void {
    this.queue = this.queue
      .then(() => this.deliver(delivery))
      .catch((e: unknown) =>
        this.ctx.log(
          `s3: notification to ${delivery.arn} not delivered: ${e instanceof Error ? e.message : String(e)}`,
        ),
      )
      // Delivered or undeliverable (queue or function gone): either way it leaves the outbox, as on S3.
      .then(() => this.commit({ t: 'notify.done', id: delivery.id }));
  }

  private async deliver(delivery: PendingDelivery): Promise<void> {
    if (delivery.kind === 'queue') {
      if (!this.sqs) throw new Error('no SQS service');
      await this.sqs.sendInternal(delivery.arn, delivery.message);
      return;
    }
    if (!this.lambda) throw new Error('no Lambda service');
    await this.lambda.invokeInternal(delivery.arn, Buffer.from(delivery.message), {
      invocationType: 'Event',
      principal: 's3.amazonaws.com',
      sourceArn: `arn:aws:s3:::${delivery.bucket}`,
      sourceAccount: this.ctx.accountId,
    });
  }
}

/** The bucket owner's canonical-style id in event records. */
function ownerId(accountId: string): string {
  return `A${accountId}`;
}
