// Check for the EFS step: the note the writer function appended last (its log says which) is
// among the notes the reader function lists. It writes nothing: the notes are the ones your
// "Write a note" produced, and reading them changes nothing.
//   check-shared-notes.ts --writer <writer function> --reader <reader function>
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { option, run } from './lib/args';

run(async () => {
  const writer = option('writer', 'WRITER');
  const reader = option('reader', 'READER');
  const logs = new CloudWatchLogsClient({});
  // No log group yet means the writer never ran: no note to look for.
  const events = await logs
    .send(new FilterLogEventsCommand({ logGroupName: `/aws/lambda/${writer}`, filterPattern: '"appended"' }))
    .then((r) => r.events ?? [])
    .catch(() => []);
  const last = events
    .map((e) => /appended\s+(.+)$/.exec(e.message?.trim() ?? '')?.[1])
    .filter((n): n is string => !!n)
    .at(-1);
  if (!last) {
    console.error('The writer has appended no note yet (its log has no "appended" line): run "Write a note".');
    process.exit(1);
  }
  const res = await new LambdaClient({}).send(new InvokeCommand({ FunctionName: reader, Payload: Buffer.from('{}') }));
  const answer = JSON.parse(Buffer.from(res.Payload ?? []).toString() || '{}') as {
    notes?: string[];
    errorMessage?: string;
  };
  if (res.FunctionError) throw new Error(`The reader failed: ${answer.errorMessage ?? res.FunctionError}`);
  const notes = answer.notes ?? [];
  if (!notes.includes(last)) {
    console.error(
      `The reader does not list the writer's last note ("${last}") among its ${notes.length} note(s): do both functions mount the same access point at the same path?`,
    );
    process.exit(1);
  }
  console.log(`The reader lists the writer's last note ("${last}"), among ${notes.length} note(s).`);
});
