// The reference part of docs/authoring.md, generated from what the code accepts: the lesson
// schema (schemas/lesson.schema.json), the action and check registries, the `hoc:` link
// verbs, the template subset and the SAM policy templates the deployer expands. A test keeps
// the document equal to this output. Update it with: npx tsx scripts/authoringReference.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import schema from '../schemas/lesson.schema.json';
import { ACTION_TYPES, CHECK_TYPES, LINK_HELP, LINK_PARAMS, LINK_VERBS } from '../src/lab';
import {
  TEMPLATE_RESOURCE_TYPES,
  SUPPORTED_EVENT_TYPES,
  SUPPORTED_INTRINSICS,
  LESSON_EXTRA_ATTRIBUTES,
} from '../src/cloud/template/resourceTypes';
import { SAM_POLICY_TEMPLATES } from '../src/cloud/deploy/samPolicyTemplates';

export const BEGIN = '<!-- BEGIN GENERATED REFERENCE (npx tsx scripts/authoringReference.ts) -->';
export const END = '<!-- END GENERATED REFERENCE -->';

interface JsonSchema {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  description?: string;
  required?: string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  $ref?: string;
  minimum?: number;
  maximum?: number;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function typeOf(p: JsonSchema): string {
  if (p.$ref) return p.$ref.split('/').pop()!;
  if (p.enum) return p.enum.map((v) => `\`${String(v)}\``).join(' \\| ');
  if (p.type === 'array') return `list of ${p.items ? typeOf(p.items) : 'values'}`;
  if (p.type === 'integer' && (p.minimum !== undefined || p.maximum !== undefined))
    return `integer ${p.minimum ?? ''}–${p.maximum ?? ''}`;
  return String(p.type ?? 'any');
}

function fieldTable(s: JsonSchema, skip: string[] = []): string[] {
  const rows = ['| field | required | type | meaning |', '|---|---|---|---|'];
  for (const [name, p] of Object.entries(s.properties ?? {})) {
    if (skip.includes(name)) continue;
    rows.push(
      `| \`${name}\` | ${s.required?.includes(name) ? 'yes' : ''} | ${cell(typeOf(p))} | ${cell(p.description ?? '')} |`,
    );
  }
  return rows;
}

function variants(kind: 'action' | 'check'): string[] {
  const defs = (schema as unknown as { definitions: Record<string, JsonSchema> }).definitions;
  const out: string[] = [];
  for (const v of defs[kind].oneOf ?? []) {
    const type = String(v.properties?.type?.const);
    out.push(`### \`${type}\``, '', v.description ?? '', '', ...fieldTable(v, ['type']), '');
  }
  return out;
}

export function authoringReference(): string {
  const root = schema as unknown as JsonSchema & { definitions: Record<string, JsonSchema> };
  const lines: string[] = [
    BEGIN,
    '',
    '## Reference',
    '',
    '### lesson.yaml',
    '',
    ...fieldTable(root),
    '',
    '### A step',
    '',
    ...fieldTable(root.definitions.step),
    '',
  ];
  lines.push(
    '## Actions',
    '',
    `Every action has \`type\`, an \`id\` unique in its step and a \`title\` (the button's label). Types: ${ACTION_TYPES.map((t) => `\`${t}\``).join(', ')}.`,
    '',
    ...variants('action'),
  );
  lines.push(
    '## Checks',
    '',
    `Every check has \`type\`, an \`id\` unique in its step and a \`title\` a student reads. Types: ${CHECK_TYPES.map((t) => `\`${t}\``).join(', ')}.`,
    '',
    ...variants('check'),
  );
  lines.push('## Links in step markdown', '', '| link | parameters | what it does |', '|---|---|---|');
  for (const verb of LINK_VERBS)
    lines.push(
      `| \`hoc:${verb}\` | ${LINK_PARAMS[verb].map((p) => `\`${p}\``).join(', ') || '—'} | ${cell(LINK_HELP[verb])} |`,
    );
  lines.push(
    '',
    '## Template subset',
    '',
    `Intrinsics: ${SUPPORTED_INTRINSICS.map((i) => `\`${i}\``).join(', ')} (short forms too). SAM function events: ${SUPPORTED_EVENT_TYPES.map((e) => `\`${e}\``).join(', ')}.`,
    '',
  );
  lines.push(
    '| resource type | properties (required in bold) | `!GetAtt` attributes | `!Ref` gives |',
    '|---|---|---|---|',
  );
  for (const [type, spec] of Object.entries(TEMPLATE_RESOURCE_TYPES)) {
    const props = spec.properties.map((p) => (spec.required.includes(p) ? `**${p}**` : p)).join(', ');
    const attrs = [...new Set([...spec.attributes, ...(LESSON_EXTRA_ATTRIBUTES[type] ?? [])])].join(', ');
    lines.push(`| \`${type}\` | ${props || '—'} | ${attrs || '—'} | ${spec.ref} |`);
  }
  lines.push(
    '',
    '### SAM policy templates',
    '',
    'A role Hands-on Cloud creates on AWS holds these expanded as SAM expands them (any other template is refused with a message; write its statements inline):',
    '',
  );
  for (const [name, t] of Object.entries(SAM_POLICY_TEMPLATES))
    lines.push(`- \`${name}\`${t.params.length ? ` (${t.params.join(', ')})` : ''}`);
  lines.push('', END);
  return lines.join('\n');
}

/** docs/authoring.md with its generated part replaced by the current reference. */
export function withCurrentReference(doc: string): string {
  const a = doc.indexOf(BEGIN);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error(`docs/authoring.md lacks the markers ${BEGIN} … ${END}`);
  return doc.slice(0, a) + authoringReference() + doc.slice(b + END.length);
}

if (process.argv[1]?.endsWith('authoringReference.ts')) {
  const path = join(import.meta.dirname, '..', 'docs', 'authoring.md');
  writeFileSync(path, withCurrentReference(readFileSync(path, 'utf8')));
  console.log(`${path} updated`);
}
