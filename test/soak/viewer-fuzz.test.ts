// A bounded fuzzing run of the viewer's WebSocket (STADIUM_FUZZ_SECONDS, default 15, shared with the RPC fuzzer's
// setting) while agents step every kind of session: single and vector in process, vector on the worker pool, and
// Atari on the pool when the ROMs are there. Viewers connect, send random and hostile messages (watch, rate, record
// with good and bad ids and rates, huge strings, binary garbage) and drop; the sessions must step on throughout, every
// error a viewer gets must be short, and the server must close nothing it was not asked to.

import t from 'tap';
import WebSocket from 'ws';
import { startServer } from '../support/server.js';
import { conformanceRegistry } from '../conformance/registry.js';
import { SHARED_ROMS, romSkip } from '../atari/shared.js';
import { Xoshiro128 } from '../../proto/rng.js';
import { check, healthClient } from '../net/health.js';

const SECONDS = Number(process.env.STADIUM_FUZZ_SECONDS ?? 15) / 3;

t.test('fuzzing the viewer while every kind of session steps', async (t) => {
  const { server, connect, address } = await startServer(t, conformanceRegistry(SHARED_ROMS), { viewer: { port: 0 } });
  const wsUrl = `ws://127.0.0.1:${server.viewer!.port}/ws`;
  const stadium = connect();
  const single = await stadium.make('CartPole-v1');
  const lake = await stadium.makeVec('FrozenLake-v1', 3, { transport: 'unary' });
  const pool = await stadium.makeVec('CartPole-v1', 4, { kwargs: { num_workers: 2 } });
  const atari = romSkip ? null : await stadium.makeVec('ALE/Pong-v5', 2, { kwargs: { num_workers: 2, obs_type: 'ram' } });
  const ids = [single.sessionId, lake.sessionId, pool.sessionId, ...(atari ? [atari.sessionId] : [])];
  await Promise.all([single.reset({ seed: 1 }), lake.reset({ seed: 1 }), pool.reset({ seed: 1 }), atari?.reset({ seed: 1 })]);

  let running = true;
  let steps = 0;
  const agent = (async () => {
    while (running) {
      const r = await single.step(steps % 2);
      if (r.terminated || r.truncated) await single.reset();
      await lake.step([0, 1, 2]);
      await pool.step([0, 1, 0, 1]);
      if (atari) await atari.step([0, 1]);
      steps++;
    }
  })();

  const rng = new Xoshiro128(11);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rng.random() * xs.length)];
  const values = () => pick<unknown>([1, 30, 60, 0, -1, 61, 1.5, 1e308, NaN, null, 'x'.repeat(3000), [], {}, true, ...ids, 'no-such-session']);
  const message = (): string | Buffer => {
    const kind = rng.random();
    if (kind < 0.05) return Buffer.from(Array.from({ length: 64 }, () => Math.floor(rng.random() * 256)));
    if (kind < 0.1) return '{"type":"watch","session":' + '['.repeat(500);
    const msg: Record<string, unknown> = { type: pick(['watch', 'rate', 'unwatch', 'record', 'step', 'close', 'x'.repeat(2000), 7]) };
    if (rng.random() < 0.8) msg.session = values();
    if (rng.random() < 0.8) msg.fps = pick([1, 5, 30, 60, values()]);
    return JSON.stringify(msg);
  };

  let sent = 0;
  let longest = 0;
  let frames = 0;
  const end = Date.now() + SECONDS * 1000;
  while (Date.now() < end) {
    const ws = new WebSocket(wsUrl);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    ws.on('message', (data: Buffer, binary) => {
      if (binary) frames++;
      else {
        const m = JSON.parse(data.toString()) as { type: string; message?: string };
        if (m.type === 'error') longest = Math.max(longest, Buffer.byteLength(m.message ?? ''));
      }
    });
    for (let i = 0; i < 50; i++) {
      ws.send(message());
      sent++;
      if (i % 10 === 0) await new Promise((r) => setTimeout(r, 10));
    }
    await new Promise((r) => setTimeout(r, 50));
    if (rng.random() < 0.5) ws.terminate();
    else ws.close();
  }
  running = false;
  await agent;

  t.ok(sent > 200, `${sent} viewer messages sent`);
  t.ok(frames > 0, `the viewers got ${frames} frames and recordings`);
  t.ok(longest > 0 && longest <= 1024, `every error a viewer got fits in 1 KiB (longest: ${longest} bytes)`);
  t.ok(steps > 10, `the agent stepped all sessions ${steps} times throughout`);
  t.same(ids.filter((id) => !server.service.sessions.has(id)), [], 'no session was closed');
  const health = healthClient(address);
  t.equal(await check(health), 'SERVING', 'the server is healthy afterwards');
  health.close();
});
