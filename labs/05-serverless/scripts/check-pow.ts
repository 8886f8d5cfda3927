// Check for the pow exercise: GET {url}?x=X&y=Y with fresh random X and Y must answer 200 and
// result X^Y (so neither a hard-coded answer nor x*y passes), and bad input must answer 400.
//   check-pow.ts --url <pow URL, e.g. a function URL or an API stage's …/pow>
import { randomBytes, randomInt } from 'node:crypto';
import { option, run } from './lib/args';

async function get(base: string, query: string): Promise<{ status: number; body: string }> {
  const url = `${base}${base.includes('?') ? '&' : '?'}${query}`;
  const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  return { status: res.status, body: await res.text() };
}

run(async () => {
  const base = option('url', 'POW_URL');
  const x = randomInt(2, 10);
  const y = randomInt(3, 8);
  const ok = await get(base, `x=${x}&y=${y}`);
  let result: unknown;
  try {
    result = (JSON.parse(ok.body) as { result?: unknown }).result;
  } catch {
    result = undefined;
  }
  if (ok.status !== 200 || result !== x ** y) {
    console.error(
      `GET ?x=${x}&y=${y} answered ${ok.status} ${ok.body.slice(0, 120)}; expected 200 with "result": ${x ** y}.`,
    );
    process.exit(1);
  }
  const word = `abc${randomBytes(2).toString('hex')}`;
  for (const [query, what] of [
    [`x=${word}&y=${y}`, `x=${word}`],
    [`x=${x}`, 'y missing'],
  ] as const) {
    const bad = await get(base, query);
    if (bad.status !== 400) {
      console.error(
        `GET ?${query} (${what}) answered ${bad.status} ${bad.body.slice(0, 120)}; bad input should get 400 with a sentence that says what is wrong.`,
      );
      process.exit(1);
    }
  }
  console.log(`${x}^${y} = ${x ** y} came back right, and bad input (x=${word}, y missing) got 400.`);
});
