// Tags on REST APIs and stages, addressed by ARN: TagResource, UntagResource, GetTags.
// ARNs are `arn:aws:apigateway:REGION::/restapis/ID` and `…/restapis/ID/stages/NAME`
// (API Gateway API Reference, TagResource/GetTags and "Amazon API Gateway resource ARNs";
// up to 50 tags per resource; read 2026-12-03).
import { BadRequestException, NotFoundException } from '../errors';
import type { ApiStore } from './store';
import { stringMap } from './validation';

const MAX_TAGS = 50;
const ARN = /^arn:aws[\w-]*:apigateway:([^:]+)::\/restapis\/([^/]+)(?:\/stages\/([^/]+))?$/;

type Target = { apiId: string; stageName?: string; tags: Record<string, string> };

function target(store: ApiStore, arn: string): Target {
  const m = ARN.exec(arn);
  if (!m)
    throw new BadRequestException(
      `Invalid ARN: ${arn}. Tag a REST API (arn:aws:apigateway:REGION::/restapis/ID) or one of its stages (…/stages/NAME).`,
    );
  if (m[1] !== store.region) throw new NotFoundException(`Invalid resource ARN: ${arn} is not in ${store.region}.`);
  const api = store.apis.get(m[2]!);
  if (!api) throw NotFoundException.api(store.accountId, m[2]!);
  if (m[3] === undefined) return { apiId: api.id, tags: api.tags ?? {} };
  const stage = api.stages[m[3]];
  if (!stage) throw NotFoundException.stage();
  return { apiId: api.id, stageName: stage.stageName, tags: stage.tags ?? {} };
}

function save(store: ApiStore, t: Target, tags: Record<string, string>): void {
  const value = Object.keys(tags).length > 0 ? tags : undefined;
  if (t.stageName === undefined) {
    store.commit({ t: 'apiFieldsSet', apiId: t.apiId, fields: { tags: value ?? null } });
    return;
  }
  const stage = { ...store.api(t.apiId).stages[t.stageName]!, tags: value };
  if (!value) delete stage.tags;
  store.commit({ t: 'stagePut', apiId: t.apiId, stage });
}

export function getTags(store: ApiStore, arn: string): { tags: Record<string, string> } {
  return { tags: { ...target(store, arn).tags } };
}

export function tagResource(store: ApiStore, arn: string, input: unknown): void {
  const t = target(store, arn);
  const added = stringMap<string>(input, 'tags', 'string');
  if (!added) throw new BadRequestException('Invalid value for tags: expected a map.');
  const tags = { ...t.tags, ...added };
  if (Object.keys(tags).length > MAX_TAGS)
    throw new BadRequestException(`A resource cannot have more than ${MAX_TAGS} tags.`);
  save(store, t, tags);
}

export function untagResource(store: ApiStore, arn: string, keys: string[]): void {
  const t = target(store, arn);
  const tags = { ...t.tags };
  for (const key of keys) delete tags[key];
  save(store, t, tags);
}
