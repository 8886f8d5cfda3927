// Bucket notification rules: which event types exist, validation as AWS does it at
// configuration time, and which targets an object change matches.
import { InvalidArgument, MalformedXML } from '../errors';
import type { NotificationConfig, NotificationTarget } from './types';

/** Event types S3 accepts in a notification configuration. */
const SUPPORTED_EVENTS = new Set([
  's3:ObjectCreated:*',
  's3:ObjectCreated:Put',
  's3:ObjectCreated:Post',
  's3:ObjectCreated:Copy',
  's3:ObjectCreated:CompleteMultipartUpload',
  's3:ObjectRemoved:*',
  's3:ObjectRemoved:Delete',
  's3:ObjectRemoved:DeleteMarkerCreated',
  's3:ObjectRestore:*',
  's3:ObjectRestore:Post',
  's3:ObjectRestore:Completed',
  's3:ObjectRestore:Delete',
  's3:ReducedRedundancyLostObject',
  's3:Replication:*',
  's3:Replication:OperationFailedReplication',
  's3:Replication:OperationMissedThreshold',
  's3:Replication:OperationReplicatedAfterThreshold',
  's3:Replication:OperationNotTracked',
  's3:LifecycleExpiration:*',
  's3:LifecycleExpiration:Delete',
  's3:LifecycleExpiration:DeleteMarkerCreated',
  's3:LifecycleTransition',
  's3:IntelligentTiering',
  's3:ObjectTagging:*',
  's3:ObjectTagging:Put',
  's3:ObjectTagging:Delete',
  's3:ObjectAcl:Put',
]);

/** Checks events and filters; throws InvalidArgument as S3 does. */
export function validateNotificationConfig(config: NotificationConfig): void {
  for (const target of config.targets) {
    if (target.events.length === 0) throw new MalformedXML();
    for (const event of target.events) {
      if (!SUPPORTED_EVENTS.has(event))
        throw new InvalidArgument('The event is not supported for notifications', event, event);
    }
  }
  for (let i = 0; i < config.targets.length; i++) {
    for (let j = i + 1; j < config.targets.length; j++) {
      const a = config.targets[i]!;
      const b = config.targets[j]!;
      if (a.id === b.id) throw new InvalidArgument('Configurations must have unique ids.', 'Id', a.id);
      if (overlaps(a, b)) {
        throw new InvalidArgument(
          'Configuration is ambiguously defined. Cannot have overlapping suffixes in two rules if the prefixes are overlapping for the same event type.',
          'Event',
          a.events.join(','),
        );
      }
    }
  }
}

function overlaps(a: NotificationTarget, b: NotificationTarget): boolean {
  const sameEvent = a.events.some((x) => b.events.some((y) => eventPatternsIntersect(x, y)));
  const pa = a.prefix ?? '';
  const pb = b.prefix ?? '';
  const sa = a.suffix ?? '';
  const sb = b.suffix ?? '';
  return sameEvent && (pa.startsWith(pb) || pb.startsWith(pa)) && (sa.endsWith(sb) || sb.endsWith(sa));
}

function eventPatternsIntersect(x: string, y: string): boolean {
  return x === y || matchesPattern(x, y.replace(/^s3:/, '')) || matchesPattern(y, x.replace(/^s3:/, ''));
}

/** `s3:ObjectCreated:*` matches `ObjectCreated:Put`; an exact type matches only itself. */
export function matchesPattern(pattern: string, eventName: string): boolean {
  const p = pattern.replace(/^s3:/, '');
  if (p.endsWith(':*')) return eventName.startsWith(p.slice(0, -1));
  return p === eventName;
}

export function matchingTargets(config: NotificationConfig, eventName: string, key: string): NotificationTarget[] {
  return config.targets.filter(
    (t) =>
      t.events.some((e) => matchesPattern(e, eventName)) &&
      (t.prefix === undefined || key.startsWith(t.prefix)) &&
      (t.suffix === undefined || key.endsWith(t.suffix)),
  );
}
