// Send messages to a queue; upload lesson files (one file or a folder) to a bucket.
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import type { ActionResult } from '../../shared/lessonResults';
import { sqsRequestsFor } from '../../cloud/metrics/cost';
import type { LabSession } from '../session';
import { lessonFile } from './lessonFiles';

export async function sendMessageAction(
  session: LabSession,
  a: { id: string; queue: string; body?: string; file?: string; count?: number; groupId?: string },
): Promise<ActionResult> {
  const url = session.ref(a.queue);
  const fifo = url.endsWith('.fifo');
  const template = a.file ? readFileSync(lessonFile(session, a.file), 'utf8') : (a.body ?? '{}');
  const ids: string[] = [];
  const count = a.count ?? 1;
  for (let i = 1; i <= count; i++) {
    const body = session.expand(template.replace(/\$\{n\}/g, String(i)));
    const r = await session.clients.sqs.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: body,
        ...(fifo ? { MessageGroupId: a.groupId ?? 'lesson', MessageDeduplicationId: `${Date.now()}-${i}` } : {}),
      }),
    );
    ids.push(r.MessageId!);
    session.usage.sqsRequests[fifo ? 'fifo' : 'standard'] += sqsRequestsFor(Buffer.byteLength(body));
  }
  return {
    actionId: a.id,
    ok: true,
    summary: `sent ${count} message${count === 1 ? '' : 's'} to ${a.queue}`,
    outcome: { kind: 'sent', queue: url, messageIds: ids },
  };
}

const CONTENT_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.json': 'application/json',
  '.txt': 'text/plain',
  '.html': 'text/html',
  '.csv': 'text/csv',
};

export async function uploadAction(
  session: LabSession,
  a: { id: string; bucket: string; file: string; key?: string; prefix?: string },
): Promise<ActionResult> {
  const bucket = session.ref(a.bucket);
  const source = lessonFile(session, a.file);
  const prefix = a.prefix ? session.expand(a.prefix) : '';
  const files = statSync(source).isDirectory()
    ? listFiles(source).map((f) => ({ path: join(source, f), key: prefix + f }))
    : [{ path: source, key: a.key ? session.expand(a.key) : prefix + basename(source) }];
  for (const f of files) {
    await session.clients.s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: f.key,
        Body: readFileSync(f.path),
        ContentType: CONTENT_TYPES[extname(f.path).toLowerCase()] ?? 'application/octet-stream',
      }),
    );
  }
  const keys = files.map((f) => f.key);
  return {
    actionId: a.id,
    ok: true,
    summary: `uploaded ${keys.length === 1 ? keys[0] : `${keys.length} files under ${prefix || '/'}`} to ${a.bucket}`,
    outcome: { kind: 'uploaded', bucket, keys },
  };
}

/** Files of a folder (recursively, sorted), skipping dot-files and licences. */
function listFiles(root: string, dir = root): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.') || /^LICENSE/i.test(e.name)) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(root, p));
    else out.push(relative(root, p).split('\\').join('/'));
  }
  return out.sort();
}
