// Check for the EFS step: a note the writer function appends now is one the reader function
// lists. The check writes its own fresh note so that notes left by earlier runs prove nothing.
//   tsx check-shared-notes.ts --writer 05-serverless-EfsWriterFunction --reader 05-serverless-EfsReaderFunction
import { randomUUID } from 'node:crypto';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { option, run } from './lib/args';

const lambda = new LambdaClient({});

async function invoke(functionName: string, payload: unknown, role: string): Promise<Record<string, unknown>> {
  const res = await lambda.send(new InvokeCommand({ FunctionName: functionName, Payload: Buffer.from(JSON.stringify(payload)) }));
  const result = JSON.parse(Buffer.from(res.Payload ?? []).toString() || '{}') as Record<string, unknown>;
  if (res.FunctionError) throw new Error(`The ${role} failed: ${String(result.errorMessage ?? res.FunctionError)}`);
  return result;
}

run(async () => {
  const probe = `check ${randomUUID()}`;
  await invoke(option('writer', 'WRITER'), { note: probe }, 'writer');
  const notes = ((await invoke(option('reader', 'READER'), {}, 'reader')).notes ?? []) as string[];
  if (!notes.some((n) => n.endsWith(probe))) {
    console.error(`The reader does not see the note the writer just appended ("${probe}"): do both functions mount the same file system at the same path?`);
    process.exit(1);
  }
  console.log(`The reader sees the note the writer just appended, among ${notes.length} note(s).`);
});
