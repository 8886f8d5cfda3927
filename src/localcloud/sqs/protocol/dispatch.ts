// Turns an HTTP request into (action, input), runs its handler and serialises the answer in
// the request's protocol: JSON 1.0 when X-Amz-Target is set, the query protocol otherwise.
// Errors are thrown as AwsErrors; the core serialises them (with x-amzn-query-error for JSON).
import type { AwsRequest, AwsResponse } from '../../server/types';
import { MissingAction } from '../../server/errors';
import { InvalidAction, MalformedRequest } from '../errors';
import type { ActionContext, ActionHandler } from './context';
import type { Input } from './input';
import { LOCAL_ACTIONS } from './localActions';
import { MESSAGE_ACTIONS } from './messageActions';
import { parseQueryInput, queryResponse } from './query';
import { QUEUE_ACTIONS } from './queueActions';
import { jsonTooDeep, MAX_JSON_NESTING } from '../../server/jsonNesting';

const SQS_ACTIONS: Record<string, ActionHandler> = { ...QUEUE_ACTIONS, ...MESSAGE_ACTIONS };

export async function dispatchSqs(req: AwsRequest, c: ActionContext): Promise<AwsResponse> {
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string') return dispatchJson(req, target, c);
  return dispatchQuery(req, c);
}

async function dispatchJson(req: AwsRequest, target: string, c: ActionContext): Promise<AwsResponse> {
  const dot = target.indexOf('.');
  const prefix = target.slice(0, dot);
  const action = target.slice(dot + 1);
  const table = prefix === 'AmazonSQS' ? SQS_ACTIONS : prefix === 'LocalCloud' ? LOCAL_ACTIONS : undefined;
  const handler = table && Object.hasOwn(table, action) ? table[action] : undefined;
  if (!handler) throw new InvalidAction(target);
  let input: Input = {};
  const text = req.body.toString('utf8').trim();
  if (text) {
    if (jsonTooDeep(text))
      throw new MalformedRequest(`The request body nests JSON deeper than ${MAX_JSON_NESTING} levels.`);
    try {
      const parsed: unknown = JSON.parse(text);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      input = parsed as Input;
    } catch {
      throw new MalformedRequest(
        'The request body is not a JSON object. Send the action input as JSON (application/x-amz-json-1.0).',
      );
    }
  }
  const output = await handler(input, c);
  return {
    status: 200,
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': req.requestId },
    body: JSON.stringify(output),
  };
}

async function dispatchQuery(req: AwsRequest, c: ActionContext): Promise<AwsResponse> {
  const params = new URLSearchParams(req.searchParams);
  const type = String(req.headers['content-type'] ?? '');
  if (req.body.length > 0) {
    if (type && !type.startsWith('application/x-www-form-urlencoded')) {
      throw new MalformedRequest(
        `The request has content type '${type}' without X-Amz-Target. Send JSON with X-Amz-Target: AmazonSQS.<Action>, or a form-encoded query request.`,
      );
    }
    for (const [k, v] of new URLSearchParams(req.body.toString('utf8'))) params.append(k, v);
  }
  const { action, input } = parseQueryInput(params);
  if (!action) throw new MissingAction();
  const handler = Object.hasOwn(SQS_ACTIONS, action) ? SQS_ACTIONS[action] : undefined;
  if (!handler) throw new InvalidAction(action);
  // Older clients post to the queue URL itself instead of naming it in QueueUrl.
  if (input.QueueUrl === undefined && /^\/\d{12}\/[^/]+$/.test(req.path)) input.QueueUrl = req.path;
  const output = await handler(input, c);
  return {
    status: 200,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': req.requestId },
    body: queryResponse(action, output, req.requestId),
  };
}
