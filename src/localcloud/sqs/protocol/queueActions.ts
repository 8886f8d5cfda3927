// Handlers of the queue-level actions: lifecycle, attributes, tags, listings, move tasks.
import { InvalidParameterValue, MissingParameter, QueueDoesNotExist, ResourceNotFoundException } from '../errors';
import type { ActionHandler } from './context';
import { optInt, optString, reqString, stringList, stringMap } from './input';

function maxResults(value: number | undefined, limit: number): number | undefined {
  if (value !== undefined && (value < 1 || value > limit))
    throw InvalidParameterValue.of('MaxResults', value, `MaxResults must be an integer between 1 and ${limit}.`);
  return value;
}

export const QUEUE_ACTIONS: Record<string, ActionHandler> = {
  CreateQueue: (input, { backend }) => {
    const name = reqString(input, 'QueueName');
    const tags = { ...stringMap(input, 'tags'), ...stringMap(input, 'Tags') };
    return { QueueUrl: backend.createQueue(name, stringMap(input, 'Attributes'), tags) };
  },
  GetQueueUrl: (input, { backend }) => {
    const name = reqString(input, 'QueueName');
    const owner = optString(input, 'QueueOwnerAWSAccountId');
    if (owner !== undefined && owner !== backend.env.accountId) throw new QueueDoesNotExist();
    return { QueueUrl: backend.urlOf(backend.require(name).name) };
  },
  ListQueues: (input, { backend }) => {
    const page = backend.listQueues(
      optString(input, 'QueueNamePrefix'),
      maxResults(optInt(input, 'MaxResults'), 1000),
      optString(input, 'NextToken'),
    );
    return {
      ...(page.urls.length ? { QueueUrls: page.urls } : {}),
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  },
  DeleteQueue: (input, { backend }) => {
    backend.deleteQueue(backend.require(reqString(input, 'QueueUrl')));
    return {};
  },
  PurgeQueue: (input, { backend }) => {
    backend.purge(backend.require(reqString(input, 'QueueUrl')));
    return {};
  },
  GetQueueAttributes: (input, { backend }) => {
    const q = backend.require(reqString(input, 'QueueUrl'));
    const attributes = backend.getAttributes(q, stringList(input, 'AttributeNames'));
    return Object.keys(attributes).length ? { Attributes: attributes } : {};
  },
  SetQueueAttributes: (input, { backend }) => {
    const q = backend.require(reqString(input, 'QueueUrl'));
    if (input.Attributes === undefined) throw new MissingParameter('Attributes');
    backend.setAttributes(q, stringMap(input, 'Attributes'));
    return {};
  },
  TagQueue: (input, { backend }) => {
    const q = backend.require(reqString(input, 'QueueUrl'));
    const tags = stringMap(input, 'Tags');
    if (Object.keys(tags).length === 0) throw new MissingParameter('Tags');
    backend.tag(q, tags);
    return {};
  },
  UntagQueue: (input, { backend }) => {
    const q = backend.require(reqString(input, 'QueueUrl'));
    const keys = stringList(input, 'TagKeys');
    if (keys.length === 0) throw new MissingParameter('TagKeys');
    backend.untag(q, keys);
    return {};
  },
  ListQueueTags: (input, { backend }) => {
    const q = backend.require(reqString(input, 'QueueUrl'));
    return Object.keys(q.tags).length ? { Tags: { ...q.tags } } : {};
  },
  ListDeadLetterSourceQueues: (input, { backend }) => {
    const q = backend.require(reqString(input, 'QueueUrl'));
    const page = backend.listDeadLetterSourceQueues(
      q,
      maxResults(optInt(input, 'MaxResults'), 1000),
      optString(input, 'NextToken'),
    );
    return { queueUrls: page.urls, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
  },
  AddPermission: (input, { backend }) => {
    const q = backend.require(reqString(input, 'QueueUrl'));
    const label = reqString(input, 'Label');
    const accounts = stringList(input, 'AWSAccountIds');
    const actions = stringList(input, 'Actions');
    if (accounts.length === 0) throw new MissingParameter('AWSAccountIds');
    if (actions.length === 0) throw new MissingParameter('Actions');
    backend.addPermission(q, label, accounts, actions);
    return {};
  },
  RemovePermission: (input, { backend }) => {
    const q = backend.require(reqString(input, 'QueueUrl'));
    const label = reqString(input, 'Label');
    backend.removePermission(q, label);
    return {};
  },
  StartMessageMoveTask: (input, { moveTasks }) => ({
    TaskHandle: moveTasks.start(
      reqString(input, 'SourceArn'),
      optString(input, 'DestinationArn'),
      optInt(input, 'MaxNumberOfMessagesPerSecond'),
    ),
  }),
  CancelMessageMoveTask: (input, { moveTasks }) => ({
    ApproximateNumberOfMessagesMoved: moveTasks.cancel(reqString(input, 'TaskHandle')),
  }),
  ListMessageMoveTasks: (input, { backend, moveTasks }) => {
    const sourceArn = reqString(input, 'SourceArn');
    if (!backend.find(sourceArn))
      throw new ResourceNotFoundException("The resource that you specified for the SourceArn parameter doesn't exist.");
    const max = maxResults(optInt(input, 'MaxResults'), 10) ?? 1;
    const results = moveTasks
      .list(sourceArn)
      .slice(0, max)
      .map((t) => ({
        ...(t.status === 'RUNNING' ? { TaskHandle: t.taskHandle } : {}),
        Status: t.status,
        SourceArn: t.sourceArn,
        ...(t.destinationArn ? { DestinationArn: t.destinationArn } : {}),
        ...(t.maxPerSecond !== undefined ? { MaxNumberOfMessagesPerSecond: t.maxPerSecond } : {}),
        ApproximateNumberOfMessagesMoved: t.moved,
        ApproximateNumberOfMessagesToMove: t.toMove,
        ...(t.failureReason ? { FailureReason: t.failureReason } : {}),
        StartedTimestamp: t.startedAt,
      }));
    return { Results: results };
  },
};
