// Message move tasks (StartMessageMoveTask & co.): redrive a dead-letter queue's messages
// back to their source queues or to a chosen destination, at a bounded rate, durably.
import { randomUUID } from 'node:crypto';
import { InvalidParameterValue, ResourceNotFoundException } from '../errors';
import type { SqsBackend } from './backend';
import type { StoredMessage } from './message';
import type { MoveTaskRecord } from './moveTaskRecord';
import { redriveAllowPolicy } from './queueAttributes';

const TICK_MS = 100;
/** Rate when the caller sets none ("system optimized" on AWS). */
const DEFAULT_PER_SECOND = 500;

export class MoveTasks {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly b: SqsBackend) {}

  start(sourceArn: string, destinationArn: string | undefined, maxPerSecond: number | undefined): string {
    const source = this.b.find(sourceArn);
    if (!sourceArn || !source)
      throw new ResourceNotFoundException("The resource that you specified for the SourceArn parameter doesn't exist.");
    if (this.b.deadLetterSourcesOf(source).length === 0)
      throw new InvalidParameterValue('Source queue must be configured as a Dead Letter Queue.');
    if (destinationArn !== undefined) {
      const dest = this.b.find(destinationArn);
      if (!dest)
        throw new ResourceNotFoundException(
          "The resource that you specified for the DestinationArn parameter doesn't exist.",
        );
      if (dest.fifo !== source.fifo)
        throw new InvalidParameterValue('The source queue and destination queue must be of the same queue type.');
    }
    if (maxPerSecond !== undefined && (!Number.isInteger(maxPerSecond) || maxPerSecond < 1 || maxPerSecond > 500)) {
      throw InvalidParameterValue.of('MaxNumberOfMessagesPerSecond', maxPerSecond, 'Must be an integer from 1 to 500.');
    }
    if (this.list(source.arn).some((t) => t.status === 'RUNNING')) {
      throw new InvalidParameterValue(
        'There is already a task running. Only one active task is allowed for a source queue arn at a given time.',
      );
    }
    const policy = redriveAllowPolicy(source.attributes);
    if (policy?.redrivePermission === 'denyAll')
      throw new InvalidParameterValue('The source queue does not allow redrive (RedriveAllowPolicy denyAll).');
    const taskId = randomUUID();
    const taskHandle = Buffer.from(JSON.stringify({ taskId, sourceArn: source.arn })).toString('base64');
    const now = Date.now();
    const task: MoveTaskRecord = {
      taskId,
      taskHandle,
      sourceArn: source.arn,
      destinationArn,
      maxPerSecond,
      status: 'RUNNING',
      startedAt: now,
      toMove: source.counts(now).visible,
      moved: 0,
    };
    this.b.commit({ t: 'task', task });
    this.schedule();
    return taskHandle;
  }

  cancel(taskHandle: string): number {
    let parsed: { taskId?: unknown; sourceArn?: unknown } | undefined;
    try {
      parsed = JSON.parse(Buffer.from(taskHandle, 'base64').toString('utf8')) as typeof parsed;
    } catch {
      parsed = undefined;
    }
    if (!parsed || typeof parsed.taskId !== 'string' || typeof parsed.sourceArn !== 'string')
      throw new InvalidParameterValue('Value for parameter TaskHandle is invalid.');
    if (!this.b.find(parsed.sourceArn))
      throw new ResourceNotFoundException("The resource that you specified for the SourceArn parameter doesn't exist.");
    const task = this.b.tasks.get(parsed.taskId);
    if (!task) throw new ResourceNotFoundException('Task does not exist.');
    if (task.status !== 'RUNNING')
      throw new InvalidParameterValue(`Only a running task can be cancelled; this one is ${task.status}.`);
    this.b.commit({ t: 'task', task: { ...task, status: 'CANCELLED' } });
    return task.moved;
  }

  /** Tasks of a source queue, most recent first. */
  list(sourceArn: string): MoveTaskRecord[] {
    return [...this.b.tasks.values()]
      .filter((t) => t.sourceArn === sourceArn)
      .sort((a, b) => b.startedAt - a.startedAt);
  }

  /** Resumes running tasks after a restart. */
  resume(): void {
    if ([...this.b.tasks.values()].some((t) => t.status === 'RUNNING')) this.schedule();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.tick();
    }, TICK_MS);
  }

  private tick(): void {
    let running = false;
    for (const task of this.b.tasks.values()) {
      if (task.status !== 'RUNNING') continue;
      this.step(task);
      if (this.b.tasks.get(task.taskId)?.status === 'RUNNING') running = true;
    }
    if (running) this.schedule();
  }

  private step(task: MoveTaskRecord): void {
    const fail = (reason: string) =>
      this.b.commit({ t: 'task', task: { ...task, status: 'FAILED', failureReason: reason } });
    const source = this.b.find(task.sourceArn);
    if (!source) return fail('AWS.SimpleQueueService.NonExistentQueue');
    const dest = task.destinationArn ? this.b.find(task.destinationArn) : undefined;
    if (task.destinationArn && !dest) return fail('AWS.SimpleQueueService.NonExistentQueue');
    const now = Date.now();
    // Rate limit over the task's whole life: at most `rate` messages per elapsed second.
    const rate = task.maxPerSecond ?? DEFAULT_PER_SECOND;
    const budget = Math.floor(((now - task.startedAt) / 1000) * rate) + 1 - task.moved;
    if (budget <= 0) return;
    const batch: StoredMessage[] = [];
    const limit = Math.min(budget, task.toMove - task.moved);
    for (const m of source.receivable(now)) {
      if (batch.length >= limit) break;
      batch.push(m);
    }
    const ids = batch
      .filter((m) => dest || (m.deadLetterSourceArn && this.b.find(m.deadLetterSourceArn)))
      .map((m) => m.id);
    if (ids.length > 0) {
      this.b.commit({ t: 'move', from: source.name, to: dest?.name, ids, at: now, taskId: task.taskId });
      for (const name of new Set(batch.map((m) => dest?.name ?? this.b.find(m.deadLetterSourceArn ?? '')?.name ?? '')))
        this.b.longPoll.notify(name);
    }
    const current = this.b.tasks.get(task.taskId)!;
    if (current.moved >= current.toMove || ids.length === 0)
      this.b.commit({ t: 'task', task: { ...current, status: 'COMPLETED' } });
  }
}
