// Episode recordings, read back with the independent APNG reader: the viewer's button records the next episode
// frame for frame (checked against a local CartPole replaying the same seed and actions), and the server's
// periodic recording writes episodes 0, N, 2N... to disk.

import t from 'tap';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CartPole } from '../../env-server/envs/classic/cartpole.js';
import type { RemoteEnv } from '../../agent-client/client.js';
import { openViewer, startViewerServer } from './support.js';
import { readApng } from './apng-reader.js';

const action = (step: number) => (step % 5 < 2 ? 1 : 0);

/** Plays one episode with `action`; returns its length. */
async function playEpisode(env: RemoteEnv, seed: number): Promise<number> {
  await env.reset({ seed });
  for (let n = 0; ; n++) {
    const r = await env.step(action(n));
    if (r.terminated || r.truncated) return n + 1;
  }
}

t.test('the record button returns the next episode as an APNG', async (t) => {
  const { connect, wsUrl } = await startViewerServer(t);
  const env = await connect().make('CartPole-v1');
  await playEpisode(env, 1);
  const viewer = await openViewer(t, wsUrl);
  const watching = viewer.until((m) => m.type === 'watching');
  viewer.send({ type: 'watch', session: env.sessionId, fps: 10 });
  await watching;
  const armed = viewer.until((m) => m.type === 'recording');
  const recording = viewer.until((m) => m.type === 'recording' && m.frames !== undefined);
  viewer.send({ type: 'record' });
  t.match(await armed, { session: env.sessionId, armed: true });
  const length = await playEpisode(env, 5);
  const rec = await recording;
  t.match(rec, { session: env.sessionId, env: 'CartPole-v1', episode: 0, frames: length + 1 });
  const a = readApng(rec.payload);
  t.match(a, { width: 600, height: 400, numFrames: length + 1, numPlays: 0 });
  t.match(a.frames[0].control, { delayNum: 20, delayDen: 1000 }, "played at CartPole's 50 fps");

  const local = new CartPole();
  local.reset(5);
  let same = 0;
  for (let i = 0; i <= length; i++) {
    if (i > 0) local.step(action(i - 1));
    if (Buffer.compare(a.frames[i].rgb, Buffer.from(local.render().data)) === 0) same++;
  }
  t.equal(same, length + 1, 'every frame is the picture of the replayed state, from the reset on');

  await playEpisode(env, 6);
  t.equal(viewer.got.binary.filter((m) => m.header.type === 'recording').length, 1, 'only the one episode asked for is recorded');
});

t.test('a recording pending on a closed session is refused with the reason', async (t) => {
  const { connect, wsUrl } = await startViewerServer(t);
  const env = await connect().make('CartPole-v1');
  await env.reset({ seed: 1 });
  const viewer = await openViewer(t, wsUrl);
  const watching = viewer.until((m) => m.type === 'watching');
  viewer.send({ type: 'watch', session: env.sessionId, fps: 10 });
  await watching;
  const failed = viewer.until((m) => m.type === 'recording' && m.error !== undefined);
  viewer.send({ type: 'record' });
  await env.close();
  t.match((await failed).error, /session closed before the episode ended/);
});

t.test('--record-every writes episodes 0, N, 2N... of each session', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'stadium-rec-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const { connect } = await startViewerServer(t, {}, { record: { dir, every: 2 } });
  const env = await connect().make('CartPole-v1');
  const lengths: number[] = [];
  for (let e = 0; e < 5; e++) lengths.push(await playEpisode(env, 100 + e));
  const prefix = `CartPole-v1-${env.sessionId.slice(0, 8)}-episode-`;
  const expected = [0, 2, 4].map((e) => `${prefix}${e}.png`);
  for (let waited = 0; readdirSync(dir).length < expected.length && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  t.same(readdirSync(dir).sort(), expected);
  for (const e of [0, 2, 4]) {
    const a = readApng(readFileSync(join(dir, `${prefix}${e}.png`)));
    t.equal(a.numFrames, lengths[e] + 1, `episode ${e}: its reset frame and one frame per step`);
    t.equal(a.frames.length, a.numFrames);
  }
});

t.test('a viewer that leaves withdraws its request, and a second request waits for the first', async (t) => {
  const { server, connect, wsUrl } = await startViewerServer(t);
  const env = await connect().make('CartPole-v1');
  await env.reset({ seed: 1 });
  const session = server.service.sessions.get(env.sessionId)!;
  const viewer = await openViewer(t, wsUrl);
  const watching = viewer.until((m) => m.type === 'watching');
  viewer.send({ type: 'watch', session: env.sessionId, fps: 10 });
  await watching;
  const armed = viewer.until((m) => m.type === 'recording');
  viewer.send({ type: 'record' });
  await armed;
  const refused = viewer.until((m) => m.type === 'error');
  viewer.send({ type: 'record' });
  t.match((await refused).message, /already pending/);
  t.not(session.observer, null, 'the recorder follows the session while a request waits');
  viewer.ws.close();
  for (let waited = 0; session.observer !== null && waited < 5000; waited += 20) await new Promise((r) => setTimeout(r, 20));
  t.equal(session.observer, null, 'once the viewer is gone, nothing follows the session');
});
