// The CloudWatch Logs service of the local cloud (JSON 1.1, `Logs_20140328.<Action>`), and the
// LogsInternal entry Lambda uses to write its function logs.
import type { LogsInternal } from '../server/internal';
import type { AwsRequest, AwsResponse, CloudContext, ServiceFactory } from '../server/types';
import { SerializationException, UnknownOperationException } from './errors';
import { LogsBackend } from './model/backend';
import type { LogsEvent } from './model/state';
import { logsActions } from './protocol/actions';
import { logsTaggingActions } from './protocol/tagging';
import { jsonTooDeep, MAX_JSON_NESTING } from '../server/jsonNesting';

const TARGET_PREFIX = 'Logs_20140328.';
const CONTENT_TYPE = 'application/x-amz-json-1.1';

export const createLogsService: ServiceFactory = (ctx: CloudContext): LogsInternal => {
  const model = new LogsBackend((e: LogsEvent) => ctx.journal.append('logs', e));
  const scope = { backend: model, region: ctx.region, accountId: ctx.accountId };
  const actions = { ...logsActions(scope), ...logsTaggingActions(scope) };

  // Errors thrown here are serialised by the core, in the JSON version the client sent (1.1).
  async function handle(req: AwsRequest): Promise<AwsResponse> {
    const target = String(req.headers['x-amz-target'] ?? '');
    const name = target.slice(TARGET_PREFIX.length);
    const action = target.startsWith(TARGET_PREFIX) && Object.hasOwn(actions, name) ? actions[name] : undefined;
    if (!action) throw new UnknownOperationException(target);
    let input: Record<string, unknown>;
    const text = req.body.toString('utf8');
    if (jsonTooDeep(text))
      throw new SerializationException(`The request body nests JSON deeper than ${MAX_JSON_NESTING} levels.`);
    try {
      input = req.body.length ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      throw new SerializationException('The request body is not valid JSON.');
    }
    const output = action(input);
    return {
      status: 200,
      headers: { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': req.requestId },
      body: JSON.stringify(output),
    };
  }

  return {
    name: 'logs',
    handle,
    putEventsInternal(group, stream, events) {
      if (events.length === 0) return;
      const now = Date.now();
      model.ensureStream(group, stream, now);
      model.commit({
        t: 'put',
        group,
        stream,
        events: events.map((e) => ({ timestamp: e.timestamp, message: e.message, ingestionTime: now })),
      });
    },
    snapshot: () => model.snapshot(),
    loadSnapshot: (s) => model.load(s),
    applyEvent: (e) => model.apply(e as LogsEvent),
  };
};
