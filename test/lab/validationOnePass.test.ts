// `hoc lab validate` reports every problem of a lesson in one run, in file order, each as
// `file:line: message` — schema mistakes do not hide link, template or code problems.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'invalid-lessons', 'many-mistakes');
const hasPython = spawnSync('python3', ['--version']).status === 0;

/** [file, line, what the message says] for each seeded mistake, in the order they must come. */
const EXPECTED: Array<[string, number, RegExp]> = [
  ['lesson.yaml', 8, /^steps\[1\]\.minutes must be a number$/],
  [
    'lesson.yaml',
    9,
    /^steps\[1\] has unknown property 'deploy'; allowed: id, title, instructions, objectives, minutes, deploys,/,
  ],
  [
    'lesson.yaml',
    11,
    /^steps\[1\]\.actions\[1\] is missing 'title'; every action and check needs a title a student reads/,
  ],
  [
    'lesson.yaml',
    12,
    /^steps\[1\]\.actions\[2\] has unknown type 'sendMesage'; use one of deploy, invoke, sendMessage/,
  ],
  ['lesson.yaml', 13, /^match 'export function nothingLikeThis' finds nothing in 'functions\/hello\/index\.ts'/],
  ['lesson.yaml', 15, /^the title of 'depth' in step 'queue' is its id/],
  ['lesson.yaml', 16, /^id 'depth' is used twice in step 'queue'/],
  ['lesson.yaml', 16, /^'Photos' is a AWS::S3::Bucket, not a queue; queues here: Jobs$/],
  ['lesson.yaml', 21, /^'Helo' is not a resource of template\.yaml; its resources are Jobs, Photos, Hello, Reader$/],
  ['lesson.yaml', 23, /^event '\.\.\/outside\.json' leaves the lesson folder/],
  ['lesson.yaml', 24, /^event 'events\/nope\.json' does not exist/],
  ['lesson.yaml', 25, /^AWS::Serverless::Function 'Hello' has no attribute 'Nope'/],
  ['lesson.yaml', 27, /^matches is not a valid regular expression/],
  ['lesson.yaml', 30, /^solution file 'solutions\/hello\/missing\.ts' does not exist/],
  ['lesson.yaml', 32, /^step id 'queue' is used twice/],
  ['template.yaml', 7, /^Timeout 0 is outside what AWS accepts: 1–900 seconds$/],
  ['template.yaml', 13, /^VisibilityTimeout 50000 is outside what AWS accepts: 0–43,200 seconds$/],
  ['template.yaml', 14, /^AWS::SQS::Queue property 'KmsMasterKeyId' is not supported/],
  ['template.yaml', 22, /^MemorySize 20000 is outside what AWS accepts: 128–10,240 MB$/],
  ['template.yaml', 25, /^Ref 'Nowhere' names nothing in this template/],
  ['template.yaml', 30, /^handler 'main\.handler' needs main\.py in functions\/reader$/],
  ['functions/hello/index.ts', 3, /^does not compile: Expected "\}" but found ";"$/],
  ...(hasPython
    ? [['scripts/check.py', 4, /^does not compile: '\(' was never closed$/] as [string, number, RegExp]]
    : []),
  // Follows from the `deploy:` typo on lesson.yaml:9 — the step now deploys nothing.
  ['steps/01-queue.md', 3, /^link 'hoc:deploy': step 'queue' deploys nothing/],
  [
    'steps/01-queue.md',
    5,
    /^'\[handler\]\(hoc:open\?file=functions\/hello\/index\.ts&match=export const handler\)' is not a link: markdown shows it as text/,
  ],
  ['steps/01-queue.md', 6, /^link 'hoc:action\?id=sned': names action 'sned', which step 'queue' does not have/],
  ['steps/01-queue.md', 8, /^unknown link 'hoc:launch'; use one of hoc:deploy/],
  ['steps/01-queue.md', 8, /^link 'hoc:deploy\?step=nowhere': names step 'nowhere', which lesson\.yaml does not have/],
  [
    'steps/02-functions.md',
    3,
    /^link 'hoc:open\?file=\.\.\/\.\.\/secret\.md': link opens '\.\.\/\.\.\/secret\.md' leaves the lesson folder/,
  ],
  [
    'steps/02-functions.md',
    4,
    /^link 'hoc:open\?file=functions\/hello\/index\.ts&line=999': line 999 is past the end of 'functions\/hello\/index\.ts' \(4 lines\)$/,
  ],
  [
    'steps/02-functions.md',
    5,
    /^link 'hoc:open\?file=functions\/reader\/app\.py&match=def%20nowhere': match 'def nowhere' finds nothing/,
  ],
  ['steps/02-functions.md', 6, /^unknown view 'charts'/],
];

test('one hoc lab validate run reports every seeded mistake, in file order, each at its file and line', () => {
  const root = mkdtempSync(join(tmpdir(), 'hoc-mistakes-'));
  // The copy sits one folder deeper, so '../outside.json' and '../../secret.md' leave the lesson without reaching real files.
  const dir = join(root, 'lessons', 'many-mistakes');
  try {
    cpSync(FIXTURE, dir, { recursive: true });
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'lab', 'validate', dir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(r.status, 1, r.stderr);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.pop(), `${EXPECTED.length} problems found.`, r.stderr);
    assert.ok(EXPECTED.length >= 30);
    lines.forEach((line, i) => {
      const [file, at, message] = EXPECTED[i] ?? ['(none)', 0, /^$/];
      const prefix = `${dir}/${file}:${at}: `;
      // Every line keeps its full `folder/file:line:` prefix, even for paths that leave the folder.
      assert.ok(line.startsWith(prefix), `line ${i + 1}: expected ${prefix}…\n got ${line}\n\n${r.stderr}`);
      assert.match(line.slice(prefix.length), message, `line ${i + 1}`);
    });
    assert.equal(lines.length, EXPECTED.length, r.stderr);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
