// Bucket configuration: Put/Get/DeleteBucketCors and Put/GetBucketNotificationConfiguration.
import { randomUUID } from 'node:crypto';
import { InvalidArgument, MalformedXML } from '../errors';
import { validateCorsRules } from '../model/corsRules';
import type { CorsRule, NotificationConfig, NotificationTarget, NotificationTargetKind } from '../model/types';
import { emptyResponse, xmlResponse, type S3Handler } from './s3Call';
import { child, list, parseXmlBody, text, type XmlValue } from './xml';

const texts = (node: XmlValue, name: string) => list(node, name).map((v) => (typeof v === 'string' ? v : ''));

export const putBucketCors: S3Handler = (call) => {
  call.s3.bucket(call.bucket);
  const doc = parseXmlBody(call.req.body, 'CORSConfiguration');
  const rules: CorsRule[] = list(doc, 'CORSRule').map((r) => {
    const maxAge = text(r, 'MaxAgeSeconds');
    if (maxAge !== undefined && !/^\d+$/.test(maxAge)) throw new MalformedXML();
    return {
      id: text(r, 'ID'),
      allowedOrigins: texts(r, 'AllowedOrigin'),
      allowedMethods: texts(r, 'AllowedMethod'),
      allowedHeaders: texts(r, 'AllowedHeader'),
      exposeHeaders: texts(r, 'ExposeHeader'),
      maxAgeSeconds: maxAge === undefined ? undefined : Number(maxAge),
    };
  });
  validateCorsRules(rules);
  call.s3.setCors(call.bucket, rules);
  return emptyResponse(200);
};

export const getBucketCors: S3Handler = (call) => {
  const rules = call.s3.cors(call.bucket);
  return xmlResponse('CORSConfiguration', {
    CORSRule: rules.map((r) => ({
      ID: r.id,
      AllowedHeader: r.allowedHeaders,
      AllowedMethod: r.allowedMethods,
      AllowedOrigin: r.allowedOrigins,
      ExposeHeader: r.exposeHeaders,
      MaxAgeSeconds: r.maxAgeSeconds,
    })),
  });
};

export const deleteBucketCors: S3Handler = (call) => {
  call.s3.setCors(call.bucket, null);
  return emptyResponse(204);
};

/** XML element names per destination kind: [configuration element, ARN element]. */
const KINDS: Array<[NotificationTargetKind, string, string]> = [
  ['topic', 'TopicConfiguration', 'Topic'],
  ['queue', 'QueueConfiguration', 'Queue'],
  ['lambda', 'CloudFunctionConfiguration', 'CloudFunction'],
];

export const putBucketNotification: S3Handler = (call) => {
  call.s3.bucket(call.bucket);
  const doc = parseXmlBody(call.req.body, 'NotificationConfiguration');
  const targets: NotificationTarget[] = [];
  for (const [kind, element, arnElement] of KINDS) {
    for (const entry of list(doc, element)) {
      const arn = text(entry, arnElement);
      if (!arn) throw new MalformedXML();
      const target: NotificationTarget = {
        id: text(entry, 'Id') || randomUUID(),
        kind,
        arn,
        events: texts(entry, 'Event'),
      };
      for (const rule of list(child(child(entry, 'Filter'), 'S3Key'), 'FilterRule')) {
        const name = text(rule, 'Name')?.toLowerCase();
        const value = text(rule, 'Value') ?? '';
        if (name !== 'prefix' && name !== 'suffix') {
          throw new InvalidArgument(
            'filter rule name must be either prefix or suffix',
            'FilterRule',
            text(rule, 'Name'),
          );
        }
        if (target[name] !== undefined)
          throw new InvalidArgument(`Cannot specify more than one ${name} rule in a filter.`, 'FilterRule', name);
        target[name] = value;
      }
      targets.push(target);
    }
  }
  const config: NotificationConfig = { targets, eventBridge: doc.EventBridgeConfiguration !== undefined };
  call.s3.setNotification(call.bucket, config, call.requester);
  return emptyResponse(200);
};

export const getBucketNotification: S3Handler = (call) => {
  const config = call.s3.bucket(call.bucket).notification;
  const body: Record<string, unknown> = {};
  for (const [kind, element, arnElement] of KINDS) {
    const entries = config.targets.filter((t) => t.kind === kind);
    if (entries.length === 0) continue;
    body[element] = entries.map((t) => {
      const rules = [
        ...(t.prefix !== undefined ? [{ Name: 'Prefix', Value: t.prefix }] : []),
        ...(t.suffix !== undefined ? [{ Name: 'Suffix', Value: t.suffix }] : []),
      ];
      return {
        Id: t.id,
        [arnElement]: t.arn,
        Event: t.events,
        Filter: rules.length > 0 ? { S3Key: { FilterRule: rules } } : undefined,
      };
    });
  }
  if (config.eventBridge) body.EventBridgeConfiguration = '';
  return xmlResponse('NotificationConfiguration', body);
};
