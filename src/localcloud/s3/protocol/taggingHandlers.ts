// Object and bucket tagging: Put/Get/DeleteObjectTagging and Put/Get/DeleteBucketTagging.
import { InvalidTag, MalformedXML } from '../errors';
import { MAX_BUCKET_TAGS, validateTags } from '../model/tags';
import { emptyResponse, xmlResponse, type S3Handler } from './s3Call';
import { child, list, parseXmlBody, text } from './xml';

export const putObjectTagging: S3Handler = (call) => {
  call.s3.object(call.bucket, call.key);
  call.s3.setTags(call.bucket, call.key, validateTags(readTagSet(call.req.body)));
  return emptyResponse(200);
};

function readTagSet(body: Buffer): Record<string, string> {
  const doc = parseXmlBody(body, 'Tagging');
  const tags: Record<string, string> = {};
  for (const tag of list(child(doc, 'TagSet'), 'Tag')) {
    const key = text(tag, 'Key');
    if (key === undefined) throw new MalformedXML();
    if (key in tags) throw new InvalidTag('Cannot provide multiple Tags with the same key');
    tags[key] = text(tag, 'Value') ?? '';
  }
  return tags;
}

export const getObjectTagging: S3Handler = (call) => {
  const object = call.s3.object(call.bucket, call.key);
  const tags = Object.entries(object.tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
  return xmlResponse('Tagging', { TagSet: tags.length > 0 ? { Tag: tags } : {} });
};

export const deleteObjectTagging: S3Handler = (call) => {
  call.s3.setTags(call.bucket, call.key, null);
  return emptyResponse(204);
};

/** Bucket tagging: the same Tagging document, up to 50 tags. */
export const putBucketTagging: S3Handler = (call) => {
  call.s3.bucket(call.bucket);
  call.s3.setBucketTags(call.bucket, validateTags(readTagSet(call.req.body), MAX_BUCKET_TAGS));
  return emptyResponse(204);
};

export const getBucketTagging: S3Handler = (call) => {
  const tags = Object.entries(call.s3.bucketTags(call.bucket)).map(([Key, Value]) => ({ Key, Value }));
  return xmlResponse('Tagging', { TagSet: { Tag: tags } });
};

export const deleteBucketTagging: S3Handler = (call) => {
  call.s3.setBucketTags(call.bucket, null);
  return emptyResponse(204);
};
