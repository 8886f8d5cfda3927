// YAML → plain values with the line of every node, so any later check can report
// `file:line: message`. CloudFormation short tags (!Ref, !GetAtt, !Sub …) become their
// long forms ({"Ref": …}, {"Fn::GetAtt": […]}) so one code path handles both spellings.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { LessonDiagnostic } from '../../shared/lessonTypes';

export type YamlPath = readonly (string | number)[];

export interface YamlSource {
  readonly file: string;
  readonly value: unknown;
  /** Line (1-based) of the key or item at `path`; falls back to the nearest ancestor. */
  lineOf(path: YamlPath): number;
  readonly errors: LessonDiagnostic[];
}

/** CloudFormation's short-form tags and the intrinsic each stands for. */
const SHORT_TAGS: Record<string, string> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  ...Object.fromEntries(
    [
      'GetAtt',
      'Sub',
      'Join',
      'Select',
      'Split',
      'If',
      'Equals',
      'Not',
      'And',
      'Or',
      'FindInMap',
      'Base64',
      'GetAZs',
      'ImportValue',
      'Cidr',
      'Transform',
      'ToJsonString',
      'Length',
    ].map((n) => [`!${n}`, `Fn::${n}`]),
  ),
};

const key = (path: YamlPath) => path.join('\u0000');

export function parseYaml(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lines = new Map<string, number>();
  const lineAt = (offset: number | undefined) => (offset === undefined ? 0 : lineCounter.linePos(offset).line);
  const errors: LessonDiagnostic[] = doc.errors.map((e) => ({
    file,
    line: lineAt(e.pos[0]),
    message: `invalid YAML: ${firstLine(e.message)}`,
  }));

  const convert = (node: unknown, path: YamlPath): unknown => {
    if (node === null || node === undefined) return null;
    if (isAlias(node)) return convert(node.resolve(doc), path);
    const n = node as Node;
    if (!lines.has(key(path)) && n.range) lines.set(key(path), lineAt(n.range[0]));
    let value: unknown;
    if (isMap(n)) {
      const out: Record<string, unknown> = {};
      for (const pair of n.items) {
        if (!isPair(pair)) continue;
        const k = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const keyNode = pair.key as Node | null;
        if (keyNode?.range) lines.set(key([...path, k]), lineAt(keyNode.range[0]));
        out[k] = convert(pair.value, [...path, k]);
      }
      value = out;
    } else if (isSeq(n)) {
      value = n.items.map((item, i) => convert(item, [...path, i]));
    } else if (isScalar(n)) {
      value = n.value;
    } else {
      value = null;
    }
    const tag = n.tag;
    if (tag && SHORT_TAGS[tag]) {
      const name = SHORT_TAGS[tag];
      // !GetAtt A.B is the dotted scalar form of ["A", "B"].
      if (name === 'Fn::GetAtt' && typeof value === 'string') {
        const dot = value.indexOf('.');
        value = dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)];
      }
      return { [name]: value };
    }
    return value;
  };
  const value = errors.length ? null : convert(doc.contents, []);

  return {
    file,
    value,
    errors,
    lineOf(path) {
      for (let i = path.length; i >= 0; i--) {
        const line = lines.get(key(path.slice(0, i)));
        if (line) return line;
      }
      return 1;
    },
  };
}

function firstLine(s: string): string {
  return s.split('\n')[0];
}
