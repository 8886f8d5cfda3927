// Task: calls a Lambda function ARN or a service integration, with the request-response,
// `.sync` and `.waitForTaskToken` patterns, TimeoutSeconds/HeartbeatSeconds and Retry, and
// records the Lambda* or Task* events AWS records for each.
import { ExecutionAborted, StatesError, asStatesError, runtimeError } from '../statesError';
import { invokeFunctionArn, lambdaInvoke } from '../integrations/lambda';
import { sqsSendMessage } from '../integrations/sqs';
import { startNestedExecution, waitNestedExecution } from '../integrations/states';
import { childSignal } from '../signals';
import type { StepResult } from '../runner';
import { effectiveInput, jsonataArguments, numberField, type StateEnv } from '../stateIo';
import type { Json } from '../jsonPath';
import { runWithRetries } from './retrying';

type Pattern = 'request' | 'sync' | 'sync2' | 'callback';

interface Target {
  /** `lambda` for a function ARN, otherwise the integration's service (lambda, sqs, states). */
  kind: 'function' | 'service';
  resource: string;
  service?: string;
  /** As history events name it: `invoke`, `sendMessage.waitForTaskToken`, `startExecution.sync:2`. */
  action?: string;
  pattern: Pattern;
}

export function parseResource(resource: string | undefined): Target {
  if (typeof resource !== 'string') throw runtimeError('A Task state needs a Resource.');
  if (/^arn:[^:]+:lambda:[^:]*:[^:]*:function:[^:]+(:[^:]+)?$/.test(resource))
    return { kind: 'function', resource, pattern: 'request' };
  const m = /^arn:[^:]+:states:[^:]*:[^:]*:([a-z0-9-]+):([A-Za-z0-9]+)(\.waitForTaskToken|\.sync:2|\.sync)?$/.exec(
    resource,
  );
  if (!m)
    throw runtimeError(
      `The local cloud does not support the Task resource '${resource}'. Use a Lambda function ARN, lambda:invoke, sqs:sendMessage or states:startExecution — or the localstack/aws target.`,
    );
  const suffix = m[3] ?? '';
  const pattern: Pattern =
    suffix === '.waitForTaskToken'
      ? 'callback'
      : suffix === '.sync:2'
        ? 'sync2'
        : suffix === '.sync'
          ? 'sync'
          : 'request';
  return { kind: 'service', resource, service: m[1], action: `${m[2]}${suffix}`, pattern };
}

const SUPPORTED: Record<string, Pattern[]> = {
  'lambda:invoke': ['request', 'callback'],
  'sqs:sendMessage': ['request', 'callback'],
  'states:startExecution': ['request', 'sync', 'sync2', 'callback'],
};

export async function runTask(env: StateEnv): Promise<StepResult> {
  const target = parseResource(env.state.Resource);
  if (target.kind === 'service') {
    const base = `${target.service}:${target.action!.split('.')[0]}`;
    if (!SUPPORTED[base]?.includes(target.pattern)) {
      throw runtimeError(
        `The local cloud does not support the Task resource '${target.resource}'. Supported: lambda:invoke[.waitForTaskToken], sqs:sendMessage[.waitForTaskToken], states:startExecution[.sync|.sync:2|.waitForTaskToken].`,
      );
    }
  }
  return runWithRetries(env, () => attempt(env, target));
}

async function attempt(env: StateEnv, target: Target): Promise<Json> {
  const { thread } = env;
  const rt = thread.rt;
  const timeoutSeconds = await numberField(env, 'TimeoutSeconds');
  const heartbeatSeconds = await numberField(env, 'HeartbeatSeconds');
  const token = target.pattern === 'callback' ? rt.integrations.tokens.create(rt.identity.executionArn) : undefined;
  try {
    const payload = env.language === 'JSONata' ? await jsonataArguments(env, token) : effectiveInput(env, token);
    if (rt.mockTask) return await rt.mockTask();
    const timing: Record<string, number> = {};
    if (timeoutSeconds !== undefined) timing.timeoutInSeconds = timeoutSeconds;
    if (heartbeatSeconds !== undefined) timing.heartbeatInSeconds = heartbeatSeconds;

    if (target.kind === 'function') {
      thread.emit('LambdaFunctionScheduled', {
        key: 'lambdaFunctionScheduledEventDetails',
        value: {
          resource: target.resource,
          input: JSON.stringify(payload),
          inputDetails: { truncated: false },
          ...(timing.timeoutInSeconds !== undefined ? { timeoutInSeconds: timing.timeoutInSeconds } : {}),
        },
      });
      thread.emit('LambdaFunctionStarted');
      try {
        const output = await withTimeout(env, timeoutSeconds, (signal) =>
          invokeFunctionArn(rt.integrations, target.resource, payload, signal),
        );
        thread.emit('LambdaFunctionSucceeded', {
          key: 'lambdaFunctionSucceededEventDetails',
          value: { output: JSON.stringify(output), outputDetails: { truncated: false } },
        });
        return output;
      } catch (e) {
        const err = asStatesError(e);
        if (err.error === 'States.Timeout')
          thread.emit('LambdaFunctionTimedOut', {
            key: 'lambdaFunctionTimedOutEventDetails',
            value: { error: err.error },
          });
        else thread.emit('LambdaFunctionFailed', { key: 'lambdaFunctionFailedEventDetails', value: errorDetails(err) });
        throw err;
      }
    }

    const ids = { resourceType: target.service!, resource: target.action! };
    thread.emit('TaskScheduled', {
      key: 'taskScheduledEventDetails',
      value: { ...ids, region: rt.region, parameters: JSON.stringify(payload), ...timing },
    });
    thread.emit('TaskStarted', { key: 'taskStartedEventDetails', value: ids });
    try {
      const output = await withTimeout(env, timeoutSeconds, async (signal) => {
        const submitted = await callService(env, target, payload, signal);
        if (target.pattern === 'request') return submitted;
        thread.emit('TaskSubmitted', {
          key: 'taskSubmittedEventDetails',
          value: { ...ids, output: JSON.stringify(submitted), outputDetails: { truncated: false } },
        });
        thread.blocking();
        if (target.pattern === 'callback')
          return rt.integrations.tokens.wait(
            token!,
            signal,
            heartbeatSeconds === undefined ? undefined : heartbeatSeconds * 1000,
          );
        return waitNestedExecution(rt.integrations, submitted, target.pattern === 'sync2' ? 2 : 1, signal);
      });
      thread.emit('TaskSucceeded', {
        key: 'taskSucceededEventDetails',
        value: { ...ids, output: JSON.stringify(output), outputDetails: { truncated: false } },
      });
      return output;
    } catch (e) {
      const err = asStatesError(e);
      if (err.error === 'States.Timeout')
        thread.emit('TaskTimedOut', { key: 'taskTimedOutEventDetails', value: { ...ids, error: err.error } });
      else thread.emit('TaskFailed', { key: 'taskFailedEventDetails', value: { ...ids, ...errorDetails(err) } });
      throw err;
    }
  } finally {
    if (token) rt.integrations.tokens.close(token);
  }
}

function errorDetails(err: StatesError): Record<string, string> {
  const out: Record<string, string> = {};
  if (err.error) out.error = err.error;
  if (err.cause !== undefined && err.cause !== '') out.cause = err.cause;
  return out;
}

function callService(env: StateEnv, target: Target, payload: Json, signal: AbortSignal): Promise<Json> {
  const integrations = env.thread.rt.integrations;
  switch (target.service) {
    case 'lambda':
      return lambdaInvoke(integrations, payload, signal);
    case 'sqs':
      return sqsSendMessage(integrations, payload);
    default:
      return startNestedExecution(integrations, payload, env.thread.rt.identity.executionArn);
  }
}

/** Runs `work` with the state's timeout; an execution abort wins over everything. */
async function withTimeout<T>(
  env: StateEnv,
  timeoutSeconds: number | undefined,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  env.thread.blocking();
  const { controller, signal } = childSignal(env.thread.signal);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    if (timeoutSeconds === undefined) return;
    timer = setTimeout(() => {
      controller.abort();
      reject(new StatesError('States.Timeout', '', true));
    }, timeoutSeconds * 1000);
  });
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new ExecutionAborted());
    if (env.thread.signal.aborted) onAbort();
    env.thread.signal.addEventListener('abort', onAbort, { once: true });
  });
  timeout.catch(() => undefined);
  aborted.catch(() => undefined);
  try {
    return await Promise.race([work(signal), timeout, aborted]);
  } finally {
    clearTimeout(timer);
    env.thread.signal.removeEventListener('abort', onAbort!);
    controller.abort();
  }
}
