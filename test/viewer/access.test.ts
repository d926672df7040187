// Who may open the viewer: the optional token (missing or wrong -> 401), the Origin (foreign -> 403 unless listed),
// the page's files and nothing else over HTTP.

import t from 'tap';
import { openViewer, refusedStatus, startViewerServer } from './support.js';

t.test('token', async (t) => {
  const { wsUrl, viewerPort } = await startViewerServer(t, { token: 's3cret-token' });
  const page = { origin: `http://127.0.0.1:${viewerPort}` };
  t.equal(await refusedStatus(wsUrl), 401, 'missing token');
  t.equal(await refusedStatus(wsUrl, page), 401, 'missing token, from the page itself (a same-origin browser)');
  t.equal(await refusedStatus(`${wsUrl}?token=wrong`, page), 401, 'wrong token from the page');
  t.equal(await refusedStatus(`${wsUrl}?token=wrong`), 401, 'wrong token');
  t.equal(await refusedStatus(`${wsUrl}?token=s3cret-toke`), 401, 'a prefix of the token');
  t.equal(await refusedStatus(`${wsUrl}?token=s3cret-token-and-more`), 401, 'the token with more after it');
  const v = await openViewer(t, `${wsUrl}?token=s3cret-token`);
  t.equal((await v.until((m) => m.type === 'sessions')).type, 'sessions', 'the right token opens the viewer');
  const fromPage = await openViewer(t, `${wsUrl}?token=s3cret-token`, page);
  t.equal((await fromPage.until((m) => m.type === 'sessions')).type, 'sessions', 'and so it does from the page');
  t.equal(await refusedStatus(`${wsUrl}?token=s3cret-token`, { origin: 'https://evil.example' }), 403, 'but not from a foreign page, token or not');
});

t.test('origin', async (t) => {
  const { wsUrl, viewerPort } = await startViewerServer(t);
  t.equal(await refusedStatus(wsUrl, { origin: 'https://evil.example' }), 403, 'a foreign origin');
  t.equal(await refusedStatus(wsUrl, { origin: `http://127.0.0.1:${viewerPort + 1}` }), 403, 'another port is another origin');
  t.equal(await refusedStatus(wsUrl, { origin: 'null' }), 403, 'an opaque origin');
  const own = await openViewer(t, wsUrl, { origin: `http://127.0.0.1:${viewerPort}` });
  t.equal((await own.until((m) => m.type === 'sessions')).type, 'sessions', "the page's own origin is accepted");
  const plain = await openViewer(t, wsUrl);
  t.equal((await plain.until((m) => m.type === 'sessions')).type, 'sessions', 'a client that sends no Origin (not a browser) is accepted');

  const listed = await startViewerServer(t, { origins: ['https://dash.example.org'] });
  const dash = await openViewer(t, listed.wsUrl, { origin: 'https://dash.example.org' });
  t.equal((await dash.until((m) => m.type === 'sessions')).type, 'sessions', 'a listed origin is accepted');
  t.equal(await refusedStatus(listed.wsUrl, { origin: 'https://other.example.org' }), 403, 'an unlisted one is not');
});

t.test('only /ws upgrades, and only the page files are served', async (t) => {
  const { pageUrl, viewerPort } = await startViewerServer(t);
  t.equal(await refusedStatus(`ws://127.0.0.1:${viewerPort}/other`), 404);
  const page = await fetch(pageUrl);
  t.equal(page.status, 200);
  t.match(page.headers.get('content-type'), /text\/html/);
  t.match(await page.text(), /<canvas id="frame"/);
  for (const file of ['viewer.js', 'chart.js', 'painters.js', 'protocol.js']) {
    const res = await fetch(new URL(`static/${file}`, pageUrl));
    t.equal(res.status, 200, file);
    t.match(res.headers.get('content-type'), /text\/javascript/, `${file} is served as a module script`);
  }
  t.equal((await fetch(new URL('static/../README.md', pageUrl))).status, 404, 'nothing else under viewer/');
  t.equal((await fetch(new URL('/%2e%2e/package.json', pageUrl))).status, 404, 'no way out of viewer/');
  t.equal((await fetch(pageUrl, { method: 'POST' })).status, 405);
});
