// Viewers and recorders on every kind of session: a vector session on the worker pool (Atari) is watched and
// recorded like any other, and a single ALE/…-v5 session's recording lands in the record folder (the id's slash
// must not become a path separator).

import t, { type Test } from 'tap';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../support/server.js';
import { atariRegistry, romSkip } from '../atari/shared.js';
import { openViewer } from './support.js';
import { readApng } from './apng-reader.js';

async function atariServer(t: Test, record?: { every: number }) {
  const dir = mkdtempSync(join(tmpdir(), 'stadium-pool-rec-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const started = await startServer(t, atariRegistry(), { viewer: { port: 0 }, ...(record ? { record: { dir, every: record.every } } : {}) });
  return { ...started, dir, wsUrl: `ws://127.0.0.1:${started.server.viewer!.port}/ws` };
}

t.test('a viewer watching a worker-pool session gets its frames and the server lives on', { skip: romSkip }, async (t) => {
  const { connect, server, wsUrl } = await atariServer(t);
  const vec = await connect().makeVec('ALE/Pong-v5', 2, { kwargs: { num_workers: 2, obs_type: 'ram' } });
  await vec.reset({ seed: 3 });
  const viewer = await openViewer(t, wsUrl);
  const frame = viewer.until((m) => m.type === 'frame' && m.session === vec.sessionId);
  viewer.send({ type: 'watch', session: vec.sessionId, fps: 30 });
  for (let i = 0; i < 5; i++) await vec.step([0, 1]);
  const f = await frame;
  t.match(f, { image: { format: 'indexed', width: 160, height: 210 } }, 'Atari frames go as palette indices');
  t.ok(server.service.sessions.has(vec.sessionId), 'the session is alive');
  t.equal((await vec.step([1, 0])).rewards.length, 2, 'and steps on');
  await vec.close();
});

t.test('recording works on pool sessions and single ALE sessions, files named without the slash', { skip: romSkip }, async (t) => {
  const { connect, dir } = await atariServer(t, { every: 1 });
  const client = connect();
  // 8 frames = 2 steps of 4 frames: each episode is truncated on its second step.
  const vec = await client.makeVec('ALE/Pong-v5', 2, { kwargs: { num_workers: 2, obs_type: 'ram', max_num_frames_per_episode: 8 } });
  await vec.reset({ seed: 1 });
  for (let i = 0; i < 3; i++) await vec.step([0, 0]);
  const single = await client.make('ALE/Pong-v5', { kwargs: { max_num_frames_per_episode: 8 } });
  await single.reset({ seed: 2 });
  await single.step(0);
  t.equal((await single.step(0)).truncated, true);
  const files = await waitForFiles(dir, 2);
  const names = files.sort();
  t.match(names, [/^ALE_Pong-v5-[0-9a-f]{8}-episode-0\.png$/, /^ALE_Pong-v5-[0-9a-f]{8}-episode-0\.png$/], 'one episode of each session');
  for (const name of names) {
    const a = readApng(readFileSync(join(dir, name)));
    t.match(a, { width: 160, height: 210, numFrames: 3 }, `${name}: the reset and two steps`);
  }
  await vec.close();
  await single.close();
});

async function waitForFiles(dir: string, n: number): Promise<string[]> {
  for (let i = 0; i < 200; i++) {
    const files = readdirSync(dir).filter((f) => f.endsWith('.png'));
    if (files.length >= n) return files;
    await new Promise((r) => setTimeout(r, 50));
  }
  return readdirSync(dir);
}
