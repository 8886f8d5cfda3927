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
  // The event is the JSON the caller sent; a missing or empty name falls back to "world".
  const name = typeof event?.name === 'string' && event.name.trim() ? event.name.trim() : 'world';
  return {
    message: `Hello, ${name}!`,
    requestId: context.awsRequestId,
    memoryLimitInMB: Number(context.memoryLimitInMB),
    // 1 on a cold start; more when the same environment is reused (a warm start).
    invocationsInThisEnvironment: invocations,
    environmentStartedAt: startedAt,
  };
};
