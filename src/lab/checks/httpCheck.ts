// An HTTP response's status, headers (e.g. CORS) and body.
import { httpRequest } from '../actions/http';
import type { LessonCheck } from '../../shared/lessonTypes';
import type { LabSession } from '../session';
import type { Verdict } from './verdict';

/** Header expectations: a plain value must be equal; `/regex/` must match. */
function headerMatches(actual: string | undefined, expected: string): boolean {
  if (actual === undefined) return false;
  const re = /^\/(.*)\/([a-z]*)$/.exec(expected);
  return re ? new RegExp(re[1], re[2]).test(actual) : actual.trim() === expected;
}

export async function httpCheck(session: LabSession, c: Extract<LessonCheck, { type: 'http' }>): Promise<Verdict> {
  let x;
  try {
    x = await httpRequest(session, c);
  } catch (e) {
    return { passed: false, message: (e as Error).message };
  }
  const what = `${x.method} ${x.url}`;
  if (c.status !== undefined && x.status !== c.status)
    return { passed: false, message: `${what} answered ${x.status}, not ${c.status}: ${x.body.slice(0, 160)}` };
  for (const [name, expected] of Object.entries(c.header ?? {})) {
    const actual = x.headers[name.toLowerCase()];
    if (!headerMatches(actual, expected)) {
      return {
        passed: false,
        message:
          actual === undefined
            ? `${what} has no ${name} header; the response must set it (${expected})`
            : `${what} sent ${name}: ${actual}, expected ${expected}`,
      };
    }
  }
  if (c.bodyContains !== undefined && !x.body.includes(c.bodyContains))
    return { passed: false, message: `${what} answered without '${c.bodyContains}': ${x.body.slice(0, 160)}` };
  if (c.bodyMatches !== undefined && !new RegExp(c.bodyMatches).test(x.body))
    return {
      passed: false,
      message: `${what} answered a body that does not match /${c.bodyMatches}/: ${x.body.slice(0, 160)}`,
    };
  return { passed: true, message: `${what} answered ${x.status}` };
}
