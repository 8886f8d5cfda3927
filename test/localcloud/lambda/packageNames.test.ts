// Entry names in a deployment package: a symlink `d` next to `d/x` (one path as both a file
// and a folder) is a clean 400 that leaves no half-extracted folder behind, and a name that
// merely starts with two dots (`..foo`) is an ordinary file, not a path that climbs out.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { InvokeCommand, InvalidParameterValueException } from '@aws-sdk/client-lambda';
import { tempDir } from '../../helpers/cloud';
import { createFunction, payloadOf, useLambdaCloud } from './lambdaKit';

const state = tempDir();
const f = useLambdaCloud({ options: { stateDir: state.path } });
after(() => state.remove());

const SYMLINK = 0o120777 << 16; // Unix mode in the high bits of the external attributes

test('a symlink `d` plus `d/x` is InvalidParameterValueException, with no temp folder left', async () => {
  const zip = zipSync({
    'index.js': [Buffer.from('exports.handler = async () => 1;'), {}],
    d: [Buffer.from('/etc'), { os: 3, attrs: SYMLINK }],
    'd/x': [Buffer.from('x'), {}],
  });
  await assert.rejects(
    createFunction(f.lambda, { FunctionName: 'both', Code: { ZipFile: zip } }),
    (e: Error) =>
      e instanceof InvalidParameterValueException && /one path both as a file and as a folder/.test(e.message),
  );
  const codeDir = join(state.path, 'blobs', 'lambda', 'code');
  const left = (() => {
    try {
      return readdirSync(codeDir);
    } catch {
      return [];
    }
  })();
  assert.deepEqual(
    left.filter((n) => n.includes('.tmp-')),
    [],
    'no temp folder',
  );
  assert.deepEqual(left, [], 'nothing kept of a package that was refused');
});

test('an entry named `..foo` is a legitimate file name', async () => {
  const zip = zipSync({
    'index.js': [
      Buffer.from("exports.handler = async () => require('fs').readFileSync(__dirname + '/..foo', 'utf8');"),
      {},
    ],
    '..foo': [Buffer.from('dots'), {}],
  });
  await createFunction(f.lambda, { FunctionName: 'dots', Code: { ZipFile: zip } });
  const out = await f.lambda.send(new InvokeCommand({ FunctionName: 'dots' }));
  assert.equal(payloadOf(out), 'dots');
  await assert.rejects(
    createFunction(f.lambda, { FunctionName: 'climb', Code: { ZipFile: zipSync({ '../x': [Buffer.from('x'), {}] }) } }),
    /unsafe path: \.\.\/x/,
  );
});
