// Delivers bucket notifications to SQS queues and Lambda functions through their internal
// interfaces, in the order the changes happened, and validates destinations the way S3 does
// when a configuration is written.
import { AwsError } from '../../server/errors';
import type { LambdaInternal, SqsInternal } from '../../server/internal';
import type { CloudContext } from '../../server/types';
import { eventRecord, testEvent } from './eventRecords';
import { matchingTargets } from './notificationRules';
import type { NotificationConfig, NotificationTarget, ObjectChange } from './types';

export class Notifier {
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly ctx: CloudContext) {}

  private get sqs(): SqsInternal | undefined {
    return this.ctx.services.get<SqsInternal>('sqs');
  }
  private get lambda(): LambdaInternal | undefined {
    return this.ctx.services.get<LambdaInternal>('lambda');
  }

  /** Throws InvalidArgument naming every destination that does not exist or cannot be reached. */
  validateDestinations(config: NotificationConfig): void {
    const problems: Array<[string, string]> = [];
    for (const target of config.targets) {
      const problem = this.destinationProblem(target);
      if (problem) problems.push([target.arn, problem]);
    }
    if (problems.length === 0) return;
    const fields: Record<string, string> = {};
    problems.forEach(([arn, problem], i) => {
      fields[`ArgumentName${i + 1}`] = arn;
      fields[`ArgumentValue${i + 1}`] = problem;
    });
    throw new AwsError('InvalidArgument', 'Unable to validate the following destination configurations', 400, { fields });
  }

  private destinationProblem(target: NotificationTarget): string | undefined {
    switch (target.kind) {
      case 'queue':
        if (!this.sqs) return 'The local cloud runs no SQS service to deliver to.';
        return this.sqs.findQueue(target.arn) ? undefined : 'The destination queue does not exist. Create it first, then configure the notification.';
      case 'lambda':
        if (!this.lambda) return 'The local cloud runs no Lambda service yet; notifications to functions need it.';
        return this.lambda.functionArn(target.arn) ? undefined : 'The destination function does not exist. Create it first, then configure the notification.';
      case 'topic':
        return 'The local cloud does not implement SNS; send notifications to an SQS queue or a Lambda function instead.';
    }
  }

  /** S3 sends an s3:TestEvent to every queue a new configuration names. */
  sendTestEvents(bucket: string, config: NotificationConfig, requestId: string): void {
    const queues = new Set(config.targets.filter((t) => t.kind === 'queue').map((t) => t.arn));
    for (const arn of queues) this.enqueue(() => this.toQueue(arn, testEvent(bucket, requestId, Date.now())));
  }

  /** Queues delivery of one change to every matching target. */
  notify(config: NotificationConfig, change: ObjectChange): void {
    const targets = matchingTargets(config, change.eventName, change.key);
    for (const target of targets) {
      const message = { Records: [eventRecord(change, target.id, this.ctx.region, ownerId(this.ctx.accountId))] };
      this.enqueue(() => (target.kind === 'queue' ? this.toQueue(target.arn, message) : this.toLambda(target.arn, change.bucket, message)));
    }
  }

  /** Resolves when every queued delivery has been attempted. */
  idle(): Promise<void> {
    return this.queue;
  }

  private enqueue(deliver: () => Promise<void>): void {
    this.queue = this.queue.then(deliver).catch((e: unknown) => this.ctx.log(`s3: notification not delivered: ${e instanceof Error ? e.message : String(e)}`));
  }

  private async toQueue(arn: string, message: unknown): Promise<void> {
    if (!this.sqs) throw new Error(`no SQS service for ${arn}`);
    await this.sqs.sendInternal(arn, JSON.stringify(message));
  }

  private async toLambda(arn: string, bucket: string, message: unknown): Promise<void> {
    if (!this.lambda) throw new Error(`no Lambda service for ${arn}`);
    await this.lambda.invokeInternal(arn, Buffer.from(JSON.stringify(message)), {
      invocationType: 'Event', principal: 's3.amazonaws.com', sourceArn: `arn:aws:s3:::${bucket}`, sourceAccount: this.ctx.accountId,
    });
  }
}

/** The bucket owner's canonical-style id in event records. */
function ownerId(accountId: string): string {
  return `A${accountId}`;
}
