// Object tags: S3's limits (10 tags, keys up to 128 and values up to 256 characters) and the
// URL-query form of the x-amz-tagging header.
import { InvalidTag } from '../errors';

const MAX_OBJECT_TAGS = 10;
/** A bucket takes up to 50 tags (S3 User Guide, "Using cost allocation S3 bucket tags", read 2026-12-03). */
export const MAX_BUCKET_TAGS = 50;

export function validateTags(tags: Record<string, string>, max = MAX_OBJECT_TAGS): Record<string, string> {
  const entries = Object.entries(tags);
  if (entries.length > max)
    throw new InvalidTag(
      max === MAX_OBJECT_TAGS
        ? 'Object tags cannot be greater than 10'
        : `Bucket tag count cannot be greater than ${max}`,
    );
  for (const [key, value] of entries) {
    if (key.length === 0 || key.length > 128) throw new InvalidTag('The TagKey you have provided is invalid');
    if (value.length > 256) throw new InvalidTag('The TagValue you have provided is invalid');
  }
  return tags;
}

/** Parses `a=1&b=2` (x-amz-tagging); a repeated key is an error, as on S3. */
export function parseTaggingHeader(value: string): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const [key, v] of new URLSearchParams(value)) {
    if (key in tags) throw new InvalidTag('Cannot provide multiple Tags with the same key');
    tags[key] = v;
  }
  return validateTags(tags);
}
