// Invokes the hello function through the AWS SDK and prints its result and the REPORT line
// from the log tail (LogType: Tail returns the last 4 KB of the invocation's log).
//   tsx invoke-hello.ts --function 05-serverless-HelloFunction [--name Ada]
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { option, run } from './lib/args';

run(async () => {
  const lambda = new LambdaClient({});
  const res = await lambda.send(
    new InvokeCommand({
      FunctionName: option('function', 'FUNCTION'),
      Payload: Buffer.from(JSON.stringify({ name: option('name', undefined, 'SDK') })),
      LogType: 'Tail',
    }),
  );
  console.log('result', Buffer.from(res.Payload ?? []).toString());
  const log = Buffer.from(res.LogResult ?? '', 'base64').toString();
  console.log(log.split('\n').find((l) => l.startsWith('REPORT')) ?? '(no REPORT line in the log tail)');
  if (res.FunctionError) process.exitCode = 1;
});
