// The HTTP exercises of lesson 05 through `hoc lab run --step` on the local cloud: pow behind a
// function URL (checked with fresh random x and y) and the CORS header of the web pow. Each
// fails as first met, fails with a plausible mistake, and passes with the solution.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLine, LessonWorkspace } from './lessonWorkspace';

let ws: LessonWorkspace;
before(async () => {
  ws = await LessonWorkspace.open();
});
after(async () => {
  await ws?.close();
});

test('pow: fails as first met, with x*y, and without its 400; passes solved', { timeout: 240_000 }, async () => {
  const file = 'functions/pow/index.ts';
  let r = await ws.runStep('function-url');
  assert.equal(r.code, 1, r.out);
  assert.match(checkLine(r.out, '✗', 'pow answers') ?? r.out, /answered 501/);

  const solved = ws.solution(file);
  assert.ok(solved.includes('const result = x ** y;'));
  ws.write(file, solved.replace('const result = x ** y;', 'const result = x * y;'));
  r = await ws.runStep('function-url');
  assert.equal(r.code, 1, r.out);
  assert.match(checkLine(r.out, '✗', 'pow answers') ?? r.out, /expected 200 with "result"/);

  ws.write(
    file,
    solved.replace(
      "if (typeof x === 'string') return reply(400, { error: x });",
      "if (typeof x === 'string') return reply(200, { error: x });",
    ),
  );
  r = await ws.runStep('function-url');
  assert.equal(r.code, 1, r.out);
  assert.match(checkLine(r.out, '✗', 'pow answers') ?? r.out, /bad input should get 400/);

  ws.write(file, solved);
  r = await ws.runStep('function-url');
  assert.equal(r.code, 0, r.out);
  assert.ok(checkLine(r.out, '✓', 'pow answers'), r.out);
});

test(
  'CORS: fails as first met and with another origin; passes with the solution and with double quotes',
  { timeout: 240_000 },
  async () => {
    const file = 'functions/pow-cors/index.ts';
    const title = 'The answer lets a page';
    let r = await ws.runStep('cors');
    assert.equal(r.code, 1, r.out);
    assert.match(checkLine(r.out, '✗', title) ?? r.out, /no Access-Control-Allow-Origin header/);

    const starter = ws.starter(file);
    const headers = (line: string) =>
      starter.replace(
        'const CORS_HEADERS: Record<string, string> = {};',
        `const CORS_HEADERS: Record<string, string> = { ${line} };`,
      );
    ws.write(file, headers("'Access-Control-Allow-Origin': 'https://example.org'"));
    r = await ws.runStep('cors');
    assert.equal(r.code, 1, r.out);
    assert.match(checkLine(r.out, '✗', title) ?? r.out, /sent Access-Control-Allow-Origin: https:\/\/example\.org/);

    ws.write(file, headers('"Access-Control-Allow-Origin": "*"'));
    r = await ws.runStep('cors');
    assert.equal(r.code, 0, r.out);

    ws.write(file, ws.solution(file));
    r = await ws.runStep('cors');
    assert.equal(r.code, 0, r.out);
    assert.ok(checkLine(r.out, '✓', title), r.out);
  },
);

test(
  'API Gateway: fails as first met (no integration, so no deployment) and with a GET integration; passes solved',
  { timeout: 240_000 },
  async () => {
    const file = 'template.yaml';
    const title = 'The dev stage answers pow';
    ws.write('functions/pow/index.ts', ws.solution('functions/pow/index.ts'));
    let r = await ws.runStep('api-gateway');
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, /No integration defined for method/);

    // The classic slip: the client's verb as the integration's own method. AWS: "Set the
    // integration's HTTP method to POST" (API Gateway Developer Guide, "Lambda integrations for
    // REST APIs in API Gateway", read 2026-12-03); a GET reaches no Invoke action and answers 500.
    const solved = ws.solution(file);
    assert.ok(solved.includes('IntegrationHttpMethod: POST'));
    ws.write(file, solved.replace('IntegrationHttpMethod: POST', 'IntegrationHttpMethod: GET'));
    r = await ws.runStep('api-gateway');
    assert.equal(r.code, 1, r.out);
    assert.match(checkLine(r.out, '✗', title) ?? r.out, /answered 500/);

    ws.write(file, solved);
    r = await ws.runStep('api-gateway');
    assert.equal(r.code, 0, r.out);
    assert.ok(checkLine(r.out, '✓', title), r.out);
  },
);

test("the API step's solution is the lesson's template with only the GET /pow integration written", () => {
  const starter = ws.starter('template.yaml');
  const solved = ws.solution('template.yaml');
  const method = /^ {2}PowGetMethod:\n(?: {4}.*\n)+/m;
  assert.equal(solved.replace(method, ''), starter.replace(method, ''), 'the two templates differ elsewhere');
  assert.match(method.exec(starter)![0], /# TODO/);
  assert.match(method.exec(solved)![0], /Integration:\n\s+Type: AWS_PROXY/);
});
