// Appends a note to a file on the shared file system (EFS).
import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { mountPath } from '../shared/mount';

export const handler = async (event: { note?: string }) => {
  const dir = mountPath();
  await mkdir(dir, { recursive: true });
  const note = `${new Date().toISOString()} ${event?.note ?? 'hello from the writer'}\n`;
  await appendFile(join(dir, 'notes.txt'), note);
  // The log line lets anyone (the step's check, too) see which note this invocation appended.
  console.log('appended', note.trim());
  return { wrote: note.trim(), file: join(dir, 'notes.txt') };
};
