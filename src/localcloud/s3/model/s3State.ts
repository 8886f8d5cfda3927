// S3's in-memory state and the one function that changes it. Live mutations and journal
// replay both go through apply(), so a restart rebuilds exactly what was acknowledged.
import type { Bucket, MultipartUpload, PendingDelivery, S3Event, S3Snapshot } from './types';

export class S3State {
  readonly buckets = new Map<string, Bucket>();
  readonly uploads = new Map<string, MultipartUpload>();
  /** Notifications not yet handed to their queue or function (at-least-once across crashes). */
  readonly outbox = new Map<string, PendingDelivery>();

  apply(event: S3Event): void {
    switch (event.t) {
      case 'bucket.create':
        this.buckets.set(event.name, {
          name: event.name,
          region: event.region,
          created: event.created,
          objects: new Map(),
          notification: { targets: [], eventBridge: false },
        });
        return;
      case 'bucket.delete':
        this.buckets.delete(event.name);
        return;
      case 'bucket.cors': {
        const bucket = this.buckets.get(event.name);
        if (bucket) bucket.cors = event.rules ?? undefined;
        return;
      }
      case 'bucket.notification': {
        const bucket = this.buckets.get(event.name);
        if (bucket) bucket.notification = event.config;
        return;
      }
      case 'bucket.tags': {
        const bucket = this.buckets.get(event.name);
        if (bucket) bucket.tags = event.tags ?? undefined;
        return;
      }
      case 'object.put':
        this.buckets.get(event.bucket)?.objects.set(event.object.key, event.object);
        return;
      case 'object.tags': {
        const object = this.buckets.get(event.bucket)?.objects.get(event.key);
        if (object) object.tags = event.tags ?? undefined;
        return;
      }
      case 'object.delete':
        this.buckets.get(event.bucket)?.objects.delete(event.key);
        return;
      case 'upload.create':
        this.uploads.set(event.upload.uploadId, { ...event.upload, parts: new Map() });
        return;
      case 'upload.part':
        this.uploads.get(event.uploadId)?.parts.set(event.part.partNumber, event.part);
        return;
      case 'upload.complete': {
        const upload = this.uploads.get(event.uploadId);
        this.uploads.delete(event.uploadId);
        if (upload) this.buckets.get(upload.bucket)?.objects.set(event.object.key, event.object);
        return;
      }
      case 'upload.abort':
        this.uploads.delete(event.uploadId);
        return;
      case 'notify.pending':
        this.outbox.set(event.delivery.id, event.delivery);
        return;
      case 'notify.done':
        this.outbox.delete(event.id);
        return;
    }
  }

  snapshot(): S3Snapshot {
    return {
      buckets: [...this.buckets.values()].map((b) => ({ ...b, objects: [...b.objects.values()] })),
      uploads: [...this.uploads.values()].map((u) => ({ ...u, parts: [...u.parts.values()] })),
      outbox: [...this.outbox.values()],
    };
  }

  load(snapshot: S3Snapshot): void {
    this.buckets.clear();
    this.uploads.clear();
    this.outbox.clear();
    for (const d of snapshot.outbox ?? []) this.outbox.set(d.id, d);
    for (const b of snapshot.buckets)
      this.buckets.set(b.name, { ...b, objects: new Map(b.objects.map((o) => [o.key, o])) });
    for (const u of snapshot.uploads)
      this.uploads.set(u.uploadId, { ...u, parts: new Map(u.parts.map((p) => [p.partNumber, p])) });
  }

  /** Every blob some object or part still references (relative paths). */
  referencedBlobs(): Set<string> {
    const refs = new Set<string>();
    for (const b of this.buckets.values()) for (const o of b.objects.values()) refs.add(o.blob);
    for (const u of this.uploads.values()) for (const p of u.parts.values()) refs.add(p.blob);
    return refs;
  }
}
