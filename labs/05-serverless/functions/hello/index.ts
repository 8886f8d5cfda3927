// Hello world: the smallest useful Lambda handler. Every invocation logs the event it got,
// so you can see test events arrive in CloudWatch Logs.

interface HelloEvent {
  name?: string;
}

interface LambdaContext {
  awsRequestId: string;
  functionName: string;
  memoryLimitInMB: string;
  getRemainingTimeInMillis(): number;
}

// Module scope runs once per execution environment (during INIT, the "cold start").
const startedAt = new Date().toISOString();
let invocations = 0;

export const handler = async (event: HelloEvent, context: LambdaContext) => {
  invocations += 1;
  console.log('event', JSON.stringify(event));
  // TODO: greet whoever the event names. events/hello.json is {"name": "student"}: the answer
  // should then be "Hello, student!". An event without a name ({}) still gets "Hello, world!".
  return {
    message: 'Hello, world!',
    requestId: context.awsRequestId,
    memoryLimitInMB: Number(context.memoryLimitInMB),
    // 1 on a cold start; more when the same environment is reused (a warm start).
    invocationsInThisEnvironment: invocations,
    environmentStartedAt: startedAt,
  };
};
