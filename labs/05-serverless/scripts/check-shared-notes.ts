// Check for the EFS step: the reader function sees the notes the writer function appended.
//   tsx check-shared-notes.ts --reader 05-serverless-EfsReaderFunction
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { option, run } from './lib/args';

run(async () => {
  const lambda = new LambdaClient({});
  const res = await lambda.send(new InvokeCommand({ FunctionName: option('reader', 'READER'), Payload: Buffer.from('{}') }));
  const result = JSON.parse(Buffer.from(res.Payload ?? []).toString() || '{}') as { notes?: string[]; errorMessage?: string };
  if (res.FunctionError) throw new Error(`The reader failed: ${result.errorMessage ?? res.FunctionError}`);
  const notes = result.notes ?? [];
  if (notes.length === 0) {
    console.error('The reader found no notes on the shared file system: invoke the writer first.');
    process.exit(1);
  }
  console.log(`The reader sees ${notes.length} note(s); the last: ${notes[notes.length - 1]}`);
});
