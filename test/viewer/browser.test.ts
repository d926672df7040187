// The viewer page in a real browser (headless Chromium driven by playwright-core) against a server with a live
// CartPole agent: the session is listed, frames arrive and change the canvas, the return curve and the reported
// metrics grow, and the picture the page draws from state matches the server's own render() of that state.
// A screenshot is left in test-output/viewer.png.

import t from 'tap';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { unwrap } from '../../env-server/viewer/frames.js';
import { runAgent, startViewerServer } from './support.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const OUTPUT = join(process.cwd(), 'test-output');

const dataNumber = (page: Page, selector: string, key: string) => page.$eval(selector, (el, k) => Number((el as HTMLElement).dataset[k] ?? 0), key);

t.test('the viewer page in Chromium', { skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} not found; install the chromium package (scripts/setup.sh does)` }, async (t) => {
  const { server, connect, pageUrl } = await startViewerServer(t);
  const env = await connect().make('CartPole-v1');
  const agent = runAgent(env, { report: true, delayMs: 2 });
  t.teardown(() => agent.stop());

  const profile = mkdtempSync(join(tmpdir(), 'stadium-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 860 } });
  t.teardown(async () => {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  });
  const page = await browser.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
  await page.goto(pageUrl);

  const row = page.locator(`#sessions tbody tr[data-session="${env.sessionId}"]`);
  await row.waitFor({ timeout: 10_000 });
  t.match(await row.textContent(), /CartPole-v1.*127\.0\.0\.1/, 'the session is listed with its env and client');
  await row.click();
  await page.waitForFunction(() => Number(document.getElementById('frame')!.dataset.frames ?? 0) >= 3, null, { timeout: 10_000 });
  t.match(await page.textContent('#watch-title'), /^CartPole-v1 · /);

  const first = await page.$eval('#frame', (c) => (c as HTMLCanvasElement).toDataURL());
  const framesBefore = await dataNumber(page, '#frame', 'frames');
  await page.waitForFunction((n) => Number(document.getElementById('frame')!.dataset.frames) >= n + 10, framesBefore, { timeout: 10_000 });
  const later = await page.$eval('#frame', (c) => (c as HTMLCanvasElement).toDataURL());
  t.not(later, first, 'the canvas changes as frames arrive');

  await page.waitForFunction(() => Number(document.getElementById('returns-chart')!.dataset.points ?? 0) >= 1, null, { timeout: 10_000 });
  const returnsBefore = await dataNumber(page, '#returns-chart', 'points');
  await page.waitForFunction((n) => Number(document.getElementById('returns-chart')!.dataset.points) > n, returnsBefore, { timeout: 10_000 });
  t.pass('the return curve grows with each episode');
  await page.locator('canvas[data-metric="loss"]').waitFor({ timeout: 10_000 });
  await page.locator('canvas[data-metric="epsilon"]').waitFor({ timeout: 10_000 });
  t.ok((await dataNumber(page, 'canvas[data-metric="loss"]', 'points')) >= 1, 'reported metrics get their own curves');

  await page.fill('#fps', '60');
  await page.dispatchEvent('#fps', 'input');
  t.equal(await page.textContent('#fps-value'), '60');

  // Freeze the session, then compare the page's picture with the server's render of the same state.
  await agent.stop();
  const session = server.service.sessions.get(env.sessionId)!;
  await page.waitForFunction((steps) => document.getElementById('steps')!.textContent === String(steps), session.stats.steps, { timeout: 10_000 });
  const drawn = await page.$eval('#frame', (c) => {
    const canvas = c as HTMLCanvasElement;
    return Array.from(canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data);
  });
  const rendered = unwrap(session.env(0)).render();
  t.equal(drawn.length, rendered.width * rendered.height * 4, 'the canvas has the frame size');
  let differing = 0;
  for (let i = 0, j = 0; j < rendered.data.length; i += 4, j += 3) {
    const d = Math.max(Math.abs(drawn[i] - rendered.data[j]), Math.abs(drawn[i + 1] - rendered.data[j + 1]), Math.abs(drawn[i + 2] - rendered.data[j + 2]));
    if (d > 64) differing++;
  }
  const share = differing / (rendered.width * rendered.height);
  t.ok(share < 0.002, `the drawn picture matches render() but for edge pixels (${(share * 100).toFixed(3)}% differ)`);

  mkdirSync(OUTPUT, { recursive: true });
  await page.screenshot({ path: join(OUTPUT, 'viewer.png'), fullPage: true });
  t.same(pageErrors, [], 'no errors in the page');
});
