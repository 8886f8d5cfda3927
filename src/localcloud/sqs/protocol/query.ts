// The SQS query protocol (form-encoded requests, XML answers), as older SDKs and CLIs speak
// it. Requests are reshaped into the JSON protocol's input form and answers serialised from
// the JSON output form, so one handler table serves both protocols.
import { QUERY_NAMESPACES } from '../../server/errorSerializer';
import { escapeXml } from '../../server/xml';
import type { Input } from './input';

const NS = QUERY_NAMESPACES.sqs!;

/** Query member name → [JSON member name, how its items are shaped]. */
const REQUEST_MEMBERS: Record<string, [string, 'list' | 'map' | 'entries']> = {
  Attribute: ['Attributes', 'map'],
  AttributeName: ['AttributeNames', 'list'],
  MessageAttributeName: ['MessageAttributeNames', 'list'],
  MessageSystemAttributeName: ['MessageSystemAttributeNames', 'list'],
  MessageAttribute: ['MessageAttributes', 'map'],
  MessageSystemAttribute: ['MessageSystemAttributes', 'map'],
  Tag: ['Tags', 'map'],
  TagKey: ['TagKeys', 'list'],
  AWSAccountId: ['AWSAccountIds', 'list'],
  ActionName: ['Actions', 'list'],
  SendMessageBatchRequestEntry: ['Entries', 'entries'],
  DeleteMessageBatchRequestEntry: ['Entries', 'entries'],
  ChangeMessageVisibilityBatchRequestEntry: ['Entries', 'entries'],
};

type Tree = { [k: string]: Tree | string };

/** Parses `A.1.Name=x&A.1.Value=y` into JSON-form input ({ Attributes: { x: 'y' } }). */
export function parseQueryInput(params: URLSearchParams): { action: string | undefined; input: Input } {
  // Null-prototype nodes: a parameter such as `__proto__.x=1` or `constructor=1` is a plain key,
  // never a path into Object.prototype.
  const tree = node0();
  for (const [key, value] of params) {
    const path = key.split('.');
    let node = tree;
    for (let i = 0; i < path.length - 1; i++) {
      const next = node[path[i]!];
      node = typeof next === 'object' ? next : (node[path[i]!] = node0());
    }
    node[path[path.length - 1]!] = value;
  }
  const action = typeof tree.Action === 'string' ? tree.Action : undefined;
  delete tree.Action;
  delete tree.Version;
  return { action, input: reshape(tree) };
}

function node0(): Tree {
  return Object.create(null) as Tree;
}

function indexed(node: Tree | string): Array<Tree | string> {
  if (typeof node === 'string') return [node];
  return Object.keys(node)
    .filter((k) => /^\d+$/.test(k))
    .sort((a, b) => Number(a) - Number(b))
    .map((k) => node[k]!);
}

function reshape(tree: Tree): Input {
  const out = Object.create(null) as Input;
  for (const [key, value] of Object.entries(tree)) {
    const rule = Object.hasOwn(REQUEST_MEMBERS, key) ? REQUEST_MEMBERS[key] : undefined;
    if (!rule) {
      out[key] = typeof value === 'string' ? value : reshape(value);
      continue;
    }
    const [name, kind] = rule;
    const items = indexed(value);
    if (kind === 'list') out[name] = items.map((i) => (typeof i === 'string' ? i : ''));
    else if (kind === 'entries') out[name] = items.map((i) => (typeof i === 'string' ? {} : reshape(i)));
    else {
      const map = Object.create(null) as Record<string, unknown>;
      for (const item of items) {
        if (typeof item === 'string') continue;
        const k = item.Name ?? item.Key;
        const v = item.Value;
        if (typeof k === 'string') map[k] = typeof v === 'object' ? reshape(v) : (v ?? '');
      }
      out[name] = map;
    }
  }
  return out;
}

/** JSON output member → flattened XML element name (lists) or [entry, key, value] (maps). */
const FLAT_LISTS: Record<string, string> = {
  QueueUrls: 'QueueUrl',
  queueUrls: 'QueueUrl',
  Messages: 'Message',
  Failed: 'BatchResultErrorEntry',
  Results: 'ListMessageMoveTasksResultEntry',
};
const FLAT_MAPS: Record<string, [string, string, string]> = {
  Attributes: ['Attribute', 'Name', 'Value'],
  MessageAttributes: ['MessageAttribute', 'Name', 'Value'],
  Tags: ['Tag', 'Key', 'Value'],
};

function xmlValue(value: unknown, action: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return xmlMembers(value as Record<string, unknown>, action);
  return escapeXml(String(value));
}

function xmlMembers(obj: Record<string, unknown>, action: string): string {
  let xml = '';
  for (const [key, value] of Object.entries(obj)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      const element = key === 'Successful' ? `${action}ResultEntry` : (FLAT_LISTS[key] ?? key);
      for (const item of value) xml += `<${element}>${xmlValue(item, action)}</${element}>`;
    } else if (FLAT_MAPS[key] && value && typeof value === 'object') {
      const [entry, k, v] = FLAT_MAPS[key];
      for (const [name, val] of Object.entries(value as Record<string, unknown>)) {
        xml += `<${entry}><${k}>${escapeXml(name)}</${k}><${v}>${xmlValue(val, action)}</${v}></${entry}>`;
      }
    } else {
      xml += `<${key}>${xmlValue(value, action)}</${key}>`;
    }
  }
  return xml;
}

const NO_RESULT = new Set([
  'DeleteQueue',
  'PurgeQueue',
  'SetQueueAttributes',
  'TagQueue',
  'UntagQueue',
  'DeleteMessage',
  'ChangeMessageVisibility',
  'AddPermission',
  'RemovePermission',
]);

export function queryResponse(action: string, output: Record<string, unknown>, requestId: string): string {
  const result = NO_RESULT.has(action) ? '' : `<${action}Result>${xmlMembers(output, action)}</${action}Result>`;
  return `<?xml version="1.0"?><${action}Response xmlns="${NS}">${result}<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
}
