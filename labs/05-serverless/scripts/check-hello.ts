// Check for the hello exercise: the deployed function greets the name its event carries (a fresh
// random name each time, so no fixed answer passes) and "world" when the event has none.
//   check-hello.ts --function <function name>
import { randomBytes } from 'node:crypto';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { option, run } from './lib/args';

const lambda = new LambdaClient({});

async function greet(fn: string, event: unknown): Promise<string> {
  const res = await lambda.send(new InvokeCommand({ FunctionName: fn, Payload: Buffer.from(JSON.stringify(event)) }));
  const answer = JSON.parse(Buffer.from(res.Payload ?? []).toString() || '{}') as {
    message?: unknown;
    errorMessage?: string;
  };
  if (res.FunctionError) throw new Error(`The function failed: ${answer.errorMessage ?? res.FunctionError}`);
  return String(answer.message);
}

run(async () => {
  const fn = option('function', 'FUNCTION');
  const name = `Student-${randomBytes(3).toString('hex')}`;
  const named = await greet(fn, { name });
  if (!named.includes(`Hello, ${name}!`)) {
    console.error(
      `Invoked with {"name": "${name}"}, the function answered "${named}"; it should answer "Hello, ${name}!". Read the name from the event, then deploy again.`,
    );
    process.exit(1);
  }
  const anonymous = await greet(fn, {});
  if (!anonymous.includes('Hello, world!')) {
    console.error(
      `Invoked with {}, the function answered "${anonymous}"; without a name it should still answer "Hello, world!".`,
    );
    process.exit(1);
  }
  console.log(`Invoked with a fresh name (${name}) and with {}: both greetings are right.`);
});
