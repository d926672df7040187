// The viewer page in a real browser (headless Chromium driven by playwright-core) against a server with a live
// CartPole agent: the session is listed, frames arrive and change the canvas, the return curve and the reported
// metrics grow, and the picture the page draws from state matches the server's own render() of that state.
// A screenshot is left in test-output/viewer.png.

import t from 'tap';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { runAgent } from './support.js';
import { startServer } from '../support/server.js';
import { classicEnvs } from '../../env-server/envs/classic/registry.js';
import { PALETTE, PALETTE_ENV, indicesAt } from './palette-env.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const OUTPUT = join(process.cwd(), 'test-output');

const dataNumber = (page: Page, selector: string, key: string) => page.$eval(selector, (el, k) => Number((el as HTMLElement).dataset[k] ?? 0), key);

t.test('the viewer page in Chromium', { skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} not found; install the chromium package (scripts/setup.sh does)` }, async (t) => {
  const { server, connect } = await startServer(t, [...classicEnvs, PALETTE_ENV], { viewer: { port: 0 } });
  const pageUrl = `http://127.0.0.1:${server.viewer!.port}/`;
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
  const rendered = session.backend.render(0);
  t.equal(drawn.length, rendered.width * rendered.height * 4, 'the canvas has the frame size');
  let differing = 0;
  for (let i = 0, j = 0; j < rendered.data.length; i += 4, j += 3) {
    const d = Math.max(Math.abs(drawn[i] - rendered.data[j]), Math.abs(drawn[i + 1] - rendered.data[j + 1]), Math.abs(drawn[i + 2] - rendered.data[j + 2]));
    if (d > 64) differing++;
  }
  const share = differing / (rendered.width * rendered.height);
  t.ok(share < 0.002, `the drawn picture matches render() but for edge pixels (${(share * 100).toFixed(3)}% differ)`);

  // The other two ways a frame arrives: RGB from render() (FrozenLake), palette indices (Atari's way).
  const lake = await connect().make('FrozenLake-v1', { kwargs: { is_slippery: false } });
  await lake.reset({ seed: 0 });
  await lake.step(2);
  await lake.step(1);
  const pal = await connect().make('Palette-v0');
  await pal.reset();
  await pal.step(0);
  await pal.step(0);
  for (const [id, expected] of [
    [lake.sessionId, server.service.sessions.get(lake.sessionId)!.backend.render(0)],
    [pal.sessionId, { width: 4, height: 2, data: Uint8Array.from([...indicesAt(2)].flatMap((i) => [...PALETTE.subarray(3 * i, 3 * i + 3)])) }],
  ] as const) {
    const r = page.locator(`#sessions tbody tr[data-session="${id}"]`);
    await r.waitFor({ timeout: 10_000 });
    await r.click();
    await page.waitForFunction(
      (prefix) => document.getElementById('watch-title')!.textContent!.includes(prefix) && document.getElementById('steps')!.textContent === '2',
      id.slice(0, 8),
      { timeout: 10_000 },
    );
    await page.waitForFunction(
      ([w, h]) => {
        const c = document.getElementById('frame') as HTMLCanvasElement;
        return c.width === w && c.height === h;
      },
      [expected.width, expected.height],
      { timeout: 10_000 },
    );
    const pixels = await page.$eval('#frame', (c) => {
      const canvas = c as HTMLCanvasElement;
      return Array.from(canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data).filter((_, i) => i % 4 !== 3);
    });
    t.same(pixels, Array.from(expected.data), `${id === lake.sessionId ? 'RGB' : 'palette'} frames are drawn pixel for pixel`);
  }
  await page.locator(`#sessions tbody tr[data-session="${env.sessionId}"]`).click();
  await page.waitForFunction(() => document.getElementById('frame')!.getAttribute('width') === '600', null, { timeout: 10_000 });

  mkdirSync(OUTPUT, { recursive: true });
  await page.screenshot({ path: join(OUTPUT, 'viewer.png'), fullPage: true });
  t.same(pageErrors, [], 'no errors in the page');
});
