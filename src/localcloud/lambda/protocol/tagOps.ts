// Tags on functions and on event source mappings: ListTags, TagResource, UntagResource.
// Both are taggable by ARN (Lambda API Reference, TagResource: "Resource — The resource's
// Amazon Resource Name (ARN)" of a function, code signing config or event source mapping;
// read 2026-12-03). Terraform's AWS provider lists a mapping's tags after creating it.
import { randomUUID } from 'node:crypto';
import type { EventSourceMapping } from '../model/types';
import type { LambdaDeps } from './deps';
import { json, noContent, parseBody, type Operation } from './http';
import { ResourceNotFoundException, ValidationException } from '../errors';

const ESM_ARN = /^arn:aws[\w-]*:lambda:([^:]+):(\d{12}):event-source-mapping:([\w-]+)$/;

export function tagOps({ model, ctx }: LambdaDeps): Record<string, Operation> {
  /** The mapping an ESM ARN names, or undefined when the resource is a function. */
  const mappingOf = (resource: string): EventSourceMapping | undefined => {
    const m = ESM_ARN.exec(resource);
    if (!m) return undefined;
    const mapping = m[1] === ctx.region && m[2] === ctx.accountId ? model.mappings.get(m[3]!) : undefined;
    if (!mapping) throw ResourceNotFoundException.resource(randomUUID());
    return structuredClone(mapping);
  };
  const tagsIn = (req: Parameters<Operation>[0]): Record<string, string> => {
    const tags = parseBody(req).Tags;
    if (!tags || typeof tags !== 'object' || Array.isArray(tags))
      throw new ValidationException(
        "1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null",
      );
    return tags as Record<string, string>;
  };
  const keysIn = (req: Parameters<Operation>[0]): string[] => {
    const keys = req.query.tagKeys;
    return Array.isArray(keys) ? keys : keys ? [keys] : [];
  };

  return {
    ListTags(_req, p) {
      const mapping = mappingOf(p.Resource!);
      return json(200, { Tags: mapping ? (mapping.tags ?? {}) : model.get(p.Resource!).tags });
    },

    TagResource(req, p) {
      const mapping = mappingOf(p.Resource!);
      if (mapping) {
        mapping.tags = { ...mapping.tags, ...tagsIn(req) };
        model.commit({ t: 'putEsm', esm: mapping });
      } else {
        const record = model.copy(p.Resource!);
        Object.assign(record.tags, tagsIn(req));
        model.save(record);
      }
      return noContent();
    },

    UntagResource(req, p) {
      const mapping = mappingOf(p.Resource!);
      if (mapping) {
        for (const k of keysIn(req)) delete mapping.tags?.[k];
        model.commit({ t: 'putEsm', esm: mapping });
      } else {
        const record = model.copy(p.Resource!);
        for (const k of keysIn(req)) delete record.tags[k];
        model.save(record);
      }
      return noContent();
    },
  };
}
