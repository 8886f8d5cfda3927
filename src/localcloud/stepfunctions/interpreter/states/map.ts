// Inline Map: runs the item processor once per item (ItemsPath/Items, ItemSelector), up to
// MaxConcurrency at a time, tolerating ToleratedFailureCount/Percentage failed items.
import type { AslStateMachine } from '../../../../asl/types';
import { evaluateTemplate } from '../jsonataEval';
import { requirePath, type Json } from '../jsonPath';
import { applyTemplate } from '../payload';
import type { GraphRunner, StepResult } from '../runner';
import { contextObject } from '../runtime';
import { effectiveInput, jsonataScope, numberField, pathScope, type StateEnv } from '../stateIo';
import { ExecutionAborted, StatesError, asStatesError, runtimeError } from '../statesError';
import { runChildren } from './children';
import { runWithRetries } from './retrying';

/** AWS runs at most 40 inline iterations at once. */
const INLINE_CONCURRENCY = 40;

export async function runMap(env: StateEnv, graph: GraphRunner): Promise<StepResult> {
  // A DISTRIBUTED processor runs inline here; reading items from S3 or writing results there does not.
  for (const field of ['ItemReader', 'ItemBatcher', 'ResultWriter'] as const) {
    if (env.state[field] !== undefined) {
      throw runtimeError(
        `The local cloud runs Map states inline and does not support '${field}' (state '${env.name}'). Pass the items in the input, or use the localstack or aws target.`,
      );
    }
  }
  const input = env.language === 'JSONata' ? env.input : effectiveInput(env);
  const items = await itemsOf(env, input);
  return runWithRetries(env, () => attempt(env, graph, input, items), 'MapStateFailed');
}

async function itemsOf(env: StateEnv, input: Json): Promise<Json[]> {
  let items: Json;
  if (env.language === 'JSONata') {
    items =
      env.state.Items !== undefined ? await evaluateTemplate(env.state.Items, jsonataScope(env), 'Items') : env.input;
    if (!Array.isArray(items))
      throw new StatesError(
        'States.QueryEvaluationError',
        `The Items of the Map state '${env.name}' must be a JSON array, not ${JSON.stringify(items)}.`,
      );
  } else {
    items = env.state.ItemsPath ? requirePath(env.state.ItemsPath, pathScope(env, input), 'ItemsPath') : input;
    if (!Array.isArray(items))
      throw runtimeError(
        `Map state input must be an array, but the ItemsPath '${env.state.ItemsPath ?? '$'}' of the state '${env.name}' selects ${JSON.stringify(items)}.`,
      );
  }
  return items;
}

async function selectItem(env: StateEnv, input: Json, item: Json, index: number): Promise<Json> {
  const selector = env.state.ItemSelector ?? env.state.Parameters;
  if (selector === undefined) return item;
  const frame = { ...env.frame, mapItem: { index, value: item } };
  const context = contextObject(env.thread.rt, frame, {
    name: env.name,
    enteredTime: env.enteredTime,
    retryCount: env.retryCount,
  });
  if (env.language === 'JSONata') {
    return evaluateTemplate(
      selector,
      { states: { input: env.input, context }, variables: env.frame.variables },
      'ItemSelector',
    );
  }
  return applyTemplate(selector, { input, context, variables: env.frame.variables }, 'ItemSelector');
}

async function tolerance(env: StateEnv, total: number): Promise<number> {
  const count = await numberField(env, 'ToleratedFailureCount');
  const percentage = await numberField(env, 'ToleratedFailurePercentage');
  if (count !== undefined && (count < 0 || !Number.isInteger(count)))
    throw runtimeError(`ToleratedFailureCount must be a non-negative integer, not ${count}.`);
  if (percentage !== undefined && (percentage < 0 || percentage > 100))
    throw runtimeError(`ToleratedFailurePercentage must be between 0 and 100, not ${percentage}.`);
  const byCount = count ?? (percentage === undefined ? 0 : Infinity);
  const byPercentage =
    percentage === undefined ? (count === undefined ? 0 : Infinity) : Math.floor((percentage / 100) * total);
  return Math.min(byCount, byPercentage);
}

async function attempt(env: StateEnv, graph: GraphRunner, input: Json, items: Json[]): Promise<Json[]> {
  const { thread } = env;
  const processor = (env.state.ItemProcessor ?? env.state.Iterator) as AslStateMachine | undefined;
  if (!processor) throw runtimeError(`The Map state '${env.name}' has no ItemProcessor.`);
  const maxConcurrency = (await numberField(env, 'MaxConcurrency', input)) ?? 0;
  if (maxConcurrency < 0 || !Number.isInteger(maxConcurrency))
    throw runtimeError(`MaxConcurrency must be a non-negative integer, not ${maxConcurrency}.`);
  const tolerated = await tolerance(env, items.length);

  thread.emit('MapStateStarted', { key: 'mapStateStartedEventDetails', value: { length: items.length } });
  let latest = thread.cursor;
  let lastSucceeded: number | undefined;
  const results: Json[] = new Array<Json>(items.length).fill(null);
  let failures = 0;
  const iterationDetails = (index: number) => ({ key: '', value: { index, name: env.name } });
  const concurrency = maxConcurrency === 0 ? INLINE_CONCURRENCY : Math.min(maxConcurrency, INLINE_CONCURRENCY);

  await runChildren(thread, items.length, concurrency, async (index, hooks, children) => {
    const it = thread.child(latest, { ...hooks, onEmit: (id) => (latest = id) });
    try {
      it.emit('MapIterationStarted', { ...iterationDetails(index), key: 'mapIterationStartedEventDetails' });
      const itemInput = await selectItem(env, input, items[index]!, index);
      results[index] = await graph.run(
        processor,
        itemInput,
        it,
        { variables: { ...env.frame.variables } },
        env.language,
      );
      lastSucceeded = it.side('MapIterationSucceeded', {
        ...iterationDetails(index),
        key: 'mapIterationSucceededEventDetails',
      });
    } catch (e) {
      if (e instanceof ExecutionAborted) {
        if (thread.signal.aborted) throw e;
        it.side(
          'MapIterationAborted',
          { ...iterationDetails(index), key: 'mapIterationAbortedEventDetails' },
          children.failedAt,
        );
        return;
      }
      const err = asStatesError(e);
      it.side('MapIterationFailed', { ...iterationDetails(index), key: 'mapIterationFailedEventDetails' });
      results[index] = err.toOutput() as Json;
      failures++;
      if (failures > tolerated && !children.failure) {
        const thresholdSet =
          tolerated > 0 ||
          env.state.ToleratedFailureCount !== undefined ||
          env.state.ToleratedFailurePercentage !== undefined;
        // Every other iteration is aborted; their events and MapStateFailed point at this one's last event.
        children.fail(
          thresholdSet
            ? new StatesError(
                'States.ExceedToleratedFailureThreshold',
                'The specified tolerated failure threshold was exceeded',
              )
            : err,
          it.cursor,
        );
      }
    }
  });
  thread.cursor = lastSucceeded ?? thread.cursor;
  thread.side('MapStateSucceeded');
  return results;
}
