// CloudWatch Logs tagging: TagResource/UntagResource/ListTagsForResource on log group ARNs,
// and the older TagLogGroup/UntagLogGroup/ListTagsLogGroup by name (deprecated, still
// answered). Shapes from botocore 1.43.11 data/logs/2014-03-28 (read 2026-12-03): tags are
// a map of up to 50 entries, keys 1–128 and values up to 256 characters.
import { AwsError } from '../server/errors';
import type { LogsAction, LogsScope } from './logsProtocol';

const MAX_TAGS = 50;
const GROUP_ARN = /^arn:aws[\w-]*:logs:([^:]*):(\d{12}):log-group:(.+?)(:\*)?$/;

/** A tags map from the input, validated; undefined when absent. */
export function tagMap(value: unknown): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value))
    throw new AwsError('InvalidParameterException', 'tags must be a map of tag keys to values.');
  const tags = value as Record<string, unknown>;
  for (const [key, v] of Object.entries(tags)) {
    if (key.length < 1 || key.length > 128 || key.startsWith('aws:'))
      throw new AwsError(
        'InvalidParameterException',
        `Tag key '${key}' is invalid: 1 to 128 characters, not starting with aws:.`,
      );
    if (typeof v !== 'string' || v.length > 256)
      throw new AwsError(
        'InvalidParameterException',
        `The value of tag '${key}' must be a string of at most 256 characters.`,
      );
  }
  return tags as Record<string, string>;
}

function keyList(value: unknown, member: string): string[] {
  if (!Array.isArray(value) || value.some((k) => typeof k !== 'string')) {
    throw new AwsError(
      'InvalidParameterException',
      `1 validation error detected: Value at '${member}' failed to satisfy constraint: Member must be a list of tag keys`,
    );
  }
  return value as string[];
}

export function logsTaggingActions({ model, region, accountId }: LogsScope): Record<string, LogsAction> {
  /** The log group an ARN names, in this account and region; anything else does not exist. */
  const groupOf = (input: Record<string, unknown>): string => {
    const arn = input.resourceArn;
    if (typeof arn !== 'string')
      throw new AwsError(
        'InvalidParameterException',
        "1 validation error detected: Value null at 'resourceArn' failed to satisfy constraint: Member must not be null",
      );
    const m = GROUP_ARN.exec(arn);
    if (!m)
      throw new AwsError(
        'InvalidParameterException',
        `Invalid resource ARN: ${arn}. Name a log group: arn:aws:logs:REGION:ACCOUNT:log-group:NAME.`,
      );
    if (m[1] !== region || m[2] !== accountId || !model.groups.has(m[3]!))
      throw new AwsError('ResourceNotFoundException', 'The specified resource does not exist.');
    return m[3]!;
  };
  const byName = (input: Record<string, unknown>): string => {
    const name = input.logGroupName;
    if (typeof name !== 'string')
      throw new AwsError(
        'InvalidParameterException',
        "1 validation error detected: Value null at 'logGroupName' failed to satisfy constraint: Member must not be null",
      );
    model.group(name);
    return name;
  };
  const tag = (group: string, value: unknown) => {
    const tags = tagMap(value);
    if (!tags || Object.keys(tags).length === 0)
      throw new AwsError(
        'InvalidParameterException',
        "1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length greater than or equal to 1",
      );
    if (Object.keys({ ...model.group(group).tags, ...tags }).length > MAX_TAGS) {
      throw new AwsError('TooManyTagsException', `A resource can have no more than ${MAX_TAGS} tags.`, 400, {
        fields: { resourceName: group },
      });
    }
    model.commit({ t: 'tag', group, tags });
    return {};
  };
  const untag = (group: string, keys: string[]) => {
    model.commit({ t: 'untag', group, keys });
    return {};
  };

  return {
    ListTagsForResource: (input) => ({ tags: model.group(groupOf(input)).tags ?? {} }),
    TagResource: (input) => tag(groupOf(input), input.tags),
    UntagResource: (input) => untag(groupOf(input), keyList(input.tagKeys, 'tagKeys')),
    ListTagsLogGroup: (input) => ({ tags: model.group(byName(input)).tags ?? {} }),
    TagLogGroup: (input) => tag(byName(input), input.tags),
    UntagLogGroup: (input) => untag(byName(input), keyList(input.tags, 'tags')),
  };
}
