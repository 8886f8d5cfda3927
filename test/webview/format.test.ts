// Numbers as the views print them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ms, usd, preview, bytes } from '../../src/webview/common/format';

test('money: cents for bills, three significant digits for single invocations, never exponents', () => {
  assert.equal(usd(41.152), '$41.15');
  assert.equal(usd(1234.5), '$1,234.50');
  assert.equal(usd(0), '$0');
  assert.equal(usd(2.15e-7), '$0.000000215');
  assert.equal(usd(0.00000142), '$0.00000142');
  assert.equal(usd(0.004), '$0.00400');
  assert.equal(usd(NaN), '—');
});

test('durations, sizes and one-line previews', () => {
  assert.equal(ms(4.661), '4.66 ms');
  assert.equal(ms(294.87), '295 ms');
  assert.equal(ms(12_345), '12.3 s');
  assert.equal(bytes(2048), '2.0 KB');
  assert.equal(preview('a\n  b', 10), 'a b');
  assert.equal(preview('x'.repeat(20), 10), `${'x'.repeat(9)}…`);
});
