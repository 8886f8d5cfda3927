// Recognising "it is not there" across services, whose SDKs name it differently.

const NOT_FOUND = new Set([
  'ResourceNotFoundException',
  'NotFoundException',
  'NotFound',
  'NoSuchBucket',
  'NoSuchEntity',
  'NoSuchEntityException',
  'QueueDoesNotExist',
  'AWS.SimpleQueueService.NonExistentQueue',
  'StateMachineDoesNotExist',
  'ExecutionDoesNotExist',
]);

export function isNotFound(e: unknown): boolean {
  const err = e as { name?: string; Code?: string; $metadata?: { httpStatusCode?: number } };
  return NOT_FOUND.has(err?.name ?? '') || NOT_FOUND.has(err?.Code ?? '') || err?.$metadata?.httpStatusCode === 404;
}

export function errorName(e: unknown): string {
  return (e as { name?: string })?.name ?? 'Error';
}

/** Runs `f`, mapping not-found to undefined. */
export async function ifExists<T>(f: () => Promise<T>): Promise<T | undefined> {
  try {
    return await f();
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Retries while AWS says the resource is busy (Lambda updates, IAM propagation). */
export async function whileBusy<T>(
  f: () => Promise<T>,
  names: string[] = ['ResourceConflictException', 'TooManyRequestsException'],
  attempts = 30,
): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await f();
    } catch (e) {
      if (i >= attempts || !names.includes(errorName(e))) throw e;
      await sleep(Math.min(500 * (i + 1), 3000));
    }
  }
}
