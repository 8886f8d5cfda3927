// Pure parts of the step guide: how each link looks, the minutes line, and the lesson HTML
// that survives sanitising (only bare <details>/<summary>).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkLook } from '../../src/webview/stepGuide/linkLook';
import { formatMinutes } from '../../src/webview/stepGuide/objectives';
import { renderStepMarkdown, sanitizeLessonHtml } from '../../src/shared/stepMarkdown';
import { actionChangesCloud } from '../../src/shared/lessonTypes';

const actions = [
  { id: 'send', label: 'Send', icon: 'mail', changesCloud: true },
  { id: 'show', label: 'Show', icon: 'eye', changesCloud: false },
];

test('links that change the cloud are buttons, links that open something stay links', () => {
  assert.deepEqual(linkLook('hoc:deploy', actions), { kind: 'cloud', icon: 'cloud-upload', run: { method: 'deploy' } });
  assert.deepEqual(linkLook('hoc:deploy?step=other', actions), { kind: 'cloud', icon: 'cloud-upload', run: undefined });
  assert.deepEqual(linkLook('hoc:action?id=send', actions), {
    kind: 'cloud',
    icon: 'mail',
    run: { method: 'action', id: 'send' },
  });
  assert.equal(linkLook('hoc:action?id=show', actions).kind, 'view');
  assert.equal(linkLook('hoc:action?id=send&step=other', actions).kind, 'cloud');
  assert.equal(linkLook('hoc:terminal?cmd=ls', actions).kind, 'cloud');
  for (const href of ['hoc:open?file=a.ts', 'hoc:reveal?view=graph', 'hoc:hint', 'hoc:solution', 'hoc:check'])
    assert.equal(linkLook(href, actions).kind, 'view', href);
  assert.equal(linkLook('hoc:launch', actions).kind, 'invalid');
  assert.deepEqual(
    [
      'deploy',
      'invoke',
      'sendMessage',
      'upload',
      'startExecution',
      'http',
      'runScript',
      'sizingSweep',
      'open',
      'reveal',
    ].filter(actionChangesCloud),
    ['deploy', 'invoke', 'sendMessage', 'upload', 'startExecution', 'http', 'runScript', 'sizingSweep'],
  );
});

test('estimated minutes read as a person would say them', () => {
  assert.deepEqual([0.4, 1, 12, 60, 95].map(formatMinutes), [
    'a minute',
    '1 minute',
    '12 minutes',
    '1 h',
    '1 h 35 min',
  ]);
});

test('lesson HTML: bare details/summary pass, attributes, scripts, handlers and other tags become text', () => {
  assert.equal(
    sanitizeLessonHtml('<details><summary>Think: why?</summary>because</details>'),
    '<details><summary>Think: why?</summary>because</details>',
  );
  assert.equal(sanitizeLessonHtml('<DETAILS >x</Details>'), '<details>x</details>');
  assert.equal(sanitizeLessonHtml('<details open onclick="x()">'), '&lt;details open onclick=&quot;x()&quot;&gt;');
  assert.equal(sanitizeLessonHtml('<script>alert(1)</script>'), '&lt;script&gt;alert(1)&lt;/script&gt;');
  assert.equal(sanitizeLessonHtml('a <!-- note --> b <img src=x onerror=y>'), 'a  b &lt;img src=x onerror=y&gt;');
  const html = renderStepMarkdown('<details><summary>Think: and then?</summary>\n\nThe **answer**.\n\n</details>\n', {
    imageUrl: () => undefined,
  });
  assert.equal(html, '<details><summary>Think: and then?</summary>\n<p>The <strong>answer</strong>.</p>\n</details>\n');
});
