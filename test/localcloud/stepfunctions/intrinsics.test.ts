// Every States.* intrinsic function through a real execution, with the results AWS returns
// for the same calls (from its validated snapshots) where they are deterministic.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { run, sfnFixture, type SfnFixture } from './sfnFixture';

let f: SfnFixture;
before(async () => (f = await sfnFixture()));
after(() => f.stop());

/** Runs one Pass state whose Parameters are `params` and returns its output. */
async function evaluate(params: Record<string, string>, input: unknown = {}) {
  const { output, execution } = await run(
    f.sfn,
    { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: params, End: true } } },
    input,
  );
  return { output: output as Record<string, unknown>, execution };
}

test('array functions', async () => {
  const { output } = await evaluate(
    {
      'array.$': "States.Array('a', 1, true, null, $.obj)",
      'empty.$': 'States.Array()',
      'partition.$': 'States.ArrayPartition($.nums, 4)',
      'contains.$': 'States.ArrayContains($.nums, 3)',
      'containsObj.$': 'States.ArrayContains($.objs, $.obj)',
      'range.$': 'States.ArrayRange(0, 9, 3)',
      'down.$': 'States.ArrayRange(5, 1, -2)',
      'item.$': 'States.ArrayGetItem($.nums, 5)',
      'length.$': 'States.ArrayLength($.nums)',
      'unique.$': 'States.ArrayUnique($.dups)',
    },
    {
      nums: [1, 2, 3, 4, 5, 6, 7, 8, 9],
      obj: { k: 1 },
      objs: [{ k: 2 }, { k: 1 }],
      dups: [1, 1, 'a', 'a', [null], [null], { a: 1 }, { a: 1 }, null, null],
    },
  );
  assert.deepEqual(output, {
    array: ['a', 1, true, null, { k: 1 }],
    empty: [],
    partition: [[1, 2, 3, 4], [5, 6, 7, 8], [9]],
    contains: true,
    containsObj: true,
    range: [0, 3, 6, 9],
    down: [5, 3, 1],
    item: 6,
    length: 9,
    unique: [1, 'a', [null], { a: 1 }, null],
  });
});

test('string, JSON, encoding and hash functions', async () => {
  const { output, execution } = await evaluate(
    {
      'format.$': "States.Format('Formatting arguments fst={} and snd={}.', $.fst, $.snd)",
      'formatContext.$': "States.Format('machine {}', $$.StateMachine)",
      'escaped.$': "States.Format('it\\'s \\{literal\\} {}', 'x')",
      'split.$': "States.StringSplit($.csv, ',')",
      'splitMany.$': "States.StringSplit('a.b-c', '.-')",
      'toJson.$': 'States.StringToJson($.json)',
      'emptyJson.$': "States.StringToJson('')",
      'toString.$': 'States.JsonToString($.obj)',
      'merge.$': 'States.JsonMerge($.a, $.b, false)',
      'b64.$': "States.Base64Encode('Data to encode')",
      'unb64.$': "States.Base64Decode('RGF0YSB0byBlbmNvZGU=')",
      'md5.$': "States.Hash('input data', 'MD5')",
      'sha256.$': "States.Hash($.obj, 'SHA-256')",
      'nested.$': "States.ArrayGetItem(States.StringSplit(States.Format('{},{}', $.fst, $.snd), ','), 1)",
    },
    {
      fst: 'one',
      snd: 2,
      csv: 'Value1,Value2,,Value3\n',
      json: '{"a":[1,2]}',
      obj: { z: 1, a: 'b' },
      a: { a: { a1: 1 }, b: 2, d: 3 },
      b: { a: { a3: 1 }, c: 3, d: 4 },
    },
  );
  const smArn = execution.stateMachineArn!;
  assert.deepEqual(output, {
    format: 'Formatting arguments fst=one and snd=2.',
    formatContext: `machine {Id=${smArn}, Name=${smArn.split(':').pop()}}`,
    escaped: "it's {literal} x",
    split: ['Value1', 'Value2', 'Value3\n'],
    splitMany: ['a', 'b', 'c'],
    toJson: { a: [1, 2] },
    emptyJson: null,
    toString: '{"z":1,"a":"b"}',
    merge: { a: { a3: 1 }, b: 2, c: 3, d: 4 },
    b64: 'RGF0YSB0byBlbmNvZGU=',
    unb64: 'Data to encode',
    md5: '812f45842bc6d66ee14572ce20db8e86',
    sha256: createHash('sha256').update('{"z":1,"a":"b"}').digest('hex'),
    nested: '2',
  });
});

test('math and UUID functions', async () => {
  const { output } = await evaluate(
    {
      'add.$': 'States.MathAdd(-9, 3)',
      'random.$': 'States.MathRandom($.lo, $.hi)',
      'seeded1.$': 'States.MathRandom(0, 999, 3)',
      'seeded2.$': 'States.MathRandom(0, 999, 3)',
      'uuid.$': 'States.UUID()',
    },
    { lo: 12.5, hi: 44.51 },
  );
  assert.equal(output.add, -6);
  assert.ok(Number.isInteger(output.random) && (output.random as number) >= 12 && (output.random as number) < 44);
  assert.equal(output.seeded1, output.seeded2);
  assert.match(String(output.uuid), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

test('a bad intrinsic call fails the execution with States.IntrinsicFailure or States.Runtime', async () => {
  const bad = await evaluate({ 'x.$': 'States.ArrayGetItem($.nums, 10)' }, { nums: [1] });
  assert.equal(bad.execution.status, 'FAILED');
  assert.equal(bad.execution.error, 'States.IntrinsicFailure');
  // Unknown functions are refused when the machine is created, as on AWS.
  await assert.rejects(evaluate({ 'x.$': 'States.NoSuchFunction(1)' }), { name: 'InvalidDefinition' });
  const notJson = await evaluate({ 'x.$': 'States.StringToJson($.s)' }, { s: '{nope' });
  assert.equal(notJson.execution.error, 'States.IntrinsicFailure');
  const missing = await evaluate({ 'x.$': 'States.Format($.nope)' });
  assert.equal(missing.execution.error, 'States.Runtime');
});
