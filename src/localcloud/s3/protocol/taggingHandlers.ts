// Object tagging: PutObjectTagging, GetObjectTagging, DeleteObjectTagging.
import { S3Errors } from '../errors';
import { validateTags } from '../model/tags';
import { emptyResponse, xmlResponse, type S3Handler } from './s3Call';
import { child, list, parseXmlBody, text } from './xml';

export const putObjectTagging: S3Handler = (call) => {
  call.s3.object(call.bucket, call.key);
  const doc = parseXmlBody(call.req.body, 'Tagging');
  const tags: Record<string, string> = {};
  for (const tag of list(child(doc, 'TagSet'), 'Tag')) {
    const key = text(tag, 'Key');
    if (key === undefined) throw S3Errors.malformedXml();
    if (key in tags) throw S3Errors.invalidTag('Cannot provide multiple Tags with the same key');
    tags[key] = text(tag, 'Value') ?? '';
  }
  call.s3.setTags(call.bucket, call.key, validateTags(tags));
  return emptyResponse(200);
};

export const getObjectTagging: S3Handler = (call) => {
  const object = call.s3.object(call.bucket, call.key);
  const tags = Object.entries(object.tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
  return xmlResponse('Tagging', { TagSet: tags.length > 0 ? { Tag: tags } : {} });
};

export const deleteObjectTagging: S3Handler = (call) => {
  call.s3.setTags(call.bucket, call.key, null);
  return emptyResponse(204);
};
