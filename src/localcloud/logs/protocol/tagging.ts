// CloudWatch Logs tagging: TagResource/UntagResource/ListTagsForResource on log group ARNs,
// and the older TagLogGroup/UntagLogGroup/ListTagsLogGroup by name (deprecated, still
// answered). Shapes from botocore 1.43.11 data/logs/2014-03-28 (read 2026-12-03): tags are
// a map of up to 50 entries, keys 1–128 and values up to 256 characters.
import { InvalidParameterException, ResourceNotFoundException } from '../errors';
import type { LogsAction, LogsScope } from './actions';
import type { Input } from './input';

const GROUP_ARN = /^arn:aws[\w-]*:logs:([^:]*):(\d{12}):log-group:(.+?)(:\*)?$/;

/** A tags map from the input, validated; undefined when absent. */
export function tagMap(value: unknown): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value))
    throw new InvalidParameterException('tags must be a map of tag keys to values.');
  const tags = value as Record<string, unknown>;
  for (const [key, v] of Object.entries(tags)) {
    if (key.length < 1 || key.length > 128 || key.startsWith('aws:')) {
      throw new InvalidParameterException(`Tag key '${key}' is invalid: 1 to 128 characters, not starting with aws:.`);
    }
    if (typeof v !== 'string' || v.length > 256) {
      throw new InvalidParameterException(`The value of tag '${key}' must be a string of at most 256 characters.`);
    }
  }
  return tags as Record<string, string>;
}

function keyList(value: unknown, member: string): string[] {
  if (!Array.isArray(value) || value.some((k) => typeof k !== 'string')) {
    throw new InvalidParameterException(
      `1 validation error detected: Value at '${member}' failed to satisfy constraint: Member must be a list of tag keys`,
    );
  }
  return value as string[];
}

function nonEmptyTags(value: unknown): Record<string, string> {
  const tags = tagMap(value);
  if (!tags || Object.keys(tags).length === 0) {
    throw new InvalidParameterException(
      "1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  }
  return tags;
}

export function logsTaggingActions({ backend, region, accountId }: LogsScope): Record<string, LogsAction> {
  /** The log group an ARN names, in this account and region; anything else does not exist. */
  const groupOf = (input: Input): string => {
    const arn = input.resourceArn;
    if (typeof arn !== 'string') throw InvalidParameterException.missing('resourceArn');
    const m = GROUP_ARN.exec(arn);
    if (!m)
      throw new InvalidParameterException(
        `Invalid resource ARN: ${arn}. Name a log group: arn:aws:logs:REGION:ACCOUNT:log-group:NAME.`,
      );
    if (m[1] !== region || m[2] !== accountId || !backend.groups.has(m[3]!))
      throw new ResourceNotFoundException('The specified resource does not exist.');
    return m[3]!;
  };
  const byName = (input: Input): string => {
    const name = input.logGroupName;
    if (typeof name !== 'string') throw InvalidParameterException.missing('logGroupName');
    backend.group(name);
    return name;
  };

  return {
    ListTagsForResource: (input) => ({ tags: backend.tagsOf(groupOf(input)) }),
    TagResource: (input) => (backend.tagLogGroup(groupOf(input), nonEmptyTags(input.tags)), {}),
    UntagResource: (input) => (backend.untagLogGroup(groupOf(input), keyList(input.tagKeys, 'tagKeys')), {}),
    ListTagsLogGroup: (input) => ({ tags: backend.tagsOf(byName(input)) }),
    TagLogGroup: (input) => (backend.tagLogGroup(byName(input), nonEmptyTags(input.tags)), {}),
    UntagLogGroup: (input) => (backend.untagLogGroup(byName(input), keyList(input.tags, 'tags')), {}),
  };
}
