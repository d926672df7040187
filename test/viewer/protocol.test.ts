// The viewer's WebSocket protocol against a real server and a real CartPole agent: the sessions list, frames that
// carry the env's state, curves that match what the agent saw and reported, read-only refusals, and bad input.

import t from 'tap';
import { inflateSync } from 'node:zlib';
import { openViewer, runAgent, startViewerServer } from './support.js';
import { startServer } from '../support/server.js';
import { GROWN_PALETTE, HEIGHT, PALETTE, PALETTE_ENV, WIDTH, indicesAt, paletteAt } from './palette-env.js';
import { classicEnvs } from '../../env-server/envs/classic/registry.js';
import { FrozenLake } from '../../env-server/envs/classic/frozen-lake.js';
import { readApng } from './apng-reader.js';

t.test('the sessions list shows live sessions with their counters', async (t) => {
  const { connect, wsUrl } = await startViewerServer(t);
  const env = await connect().make('CartPole-v1');
  await env.reset({ seed: 3 });
  let episodes = 0;
  let lastReturn = 0;
  for (let ret = 0; episodes < 2; ) {
    const r = await env.step(0);
    ret += r.reward;
    if (r.terminated || r.truncated) {
      episodes++;
      lastReturn = ret;
      ret = 0;
      await env.reset();
    }
  }
  const viewer = await openViewer(t, wsUrl);
  const list = await viewer.until((m) => m.type === 'sessions');
  const sessions = list.sessions as Record<string, unknown>[];
  t.equal(sessions.length, 1);
  t.match(sessions[0], { id: env.sessionId, env: 'CartPole-v1', numEnvs: 1, episodes: 2, lastReturn });
  t.match(sessions[0].client, /^(ipv4:)?127\.0\.0\.1:\d+$/, 'the client address is the agent peer');
  await env.close();
  const after = await viewer.until((m) => m.type === 'sessions' && (m.sessions as unknown[]).length === 0);
  t.same(after.sessions, [], 'a closed session leaves the list');
});

t.test('frames carry the watched state; curves match the agent', async (t) => {
  const { connect, wsUrl } = await startViewerServer(t);
  const env = await connect().make('CartPole-v1');
  await env.reset({ seed: 11 });
  const returns: number[] = [];
  let obs: ArrayLike<number> = new Float32Array(4);
  for (let ret = 0, step = 0; returns.length < 3; step++) {
    const r = await env.step(step % 3 === 0 ? 1 : 0);
    obs = r.obs as Float32Array;
    ret += r.reward;
    if (step === 4) await env.report({ loss: 0.5, epsilon: 1 }, 10);
    if (step === 8) await env.report({ loss: 0.25, 'intrinsic reward': NaN }, 20);
    if (r.terminated || r.truncated) {
      returns.push(ret);
      ret = 0;
      obs = (await env.reset()).obs as Float32Array;
    }
  }
  const viewer = await openViewer(t, wsUrl);
  const watching = viewer.until((m) => m.type === 'watching');
  const frame = viewer.until((m) => m.type === 'frame');
  const curves = viewer.until((m) => m.type === 'curves');
  viewer.send({ type: 'watch', session: env.sessionId, fps: 30 });
  t.match(await watching, { session: env.sessionId, env: 'CartPole-v1', painter: 'cartpole', rewardThreshold: 475, fps: 30 });
  const f = await frame;
  t.equal(f.episodes, 3);
  t.equal(f.episodeReturn, 0, 'the new episode has no reward yet');
  t.equal(f.lastReturn, returns[2]);
  const scene = f.scene as { x: number; theta: number };
  t.equal(Math.fround(scene.x), obs[0], 'scene x is the state the agent observed');
  t.equal(Math.fround(scene.theta), obs[2], 'scene theta is the state the agent observed');
  const c = await curves;
  t.same(c.returns, returns.map((r, i) => [i + 1, r]), 'return per episode, numbered from 1');
  t.same(c.metrics, { loss: [[10, 0.5], [20, 0.25]], epsilon: [[10, 1]], 'intrinsic reward': [[20, null]] }, 'metrics at their steps; NaN as a gap');

  // Only new points follow.
  const more = viewer.until((m) => m.type === 'curves');
  let ret = 0;
  for (;;) {
    const r = await env.step(0);
    ret += r.reward;
    if (r.terminated || r.truncated) break;
  }
  await env.report({ loss: 0.125 });
  const m = await more;
  t.same(m.returns, [[4, ret]]);
  t.same(m.metrics, { loss: [[(f.steps as number) + ret, 0.125]] }, 'a report without a step uses the session step count');
});

t.test('viewers are read-only and bad messages get a clear error', async (t) => {
  const { connect, wsUrl } = await startViewerServer(t);
  const env = await connect().make('CartPole-v1');
  await env.reset({ seed: 1 });
  const viewer = await openViewer(t, wsUrl);
  const ask = async (msg: unknown) => {
    const err = viewer.until((m) => m.type === 'error');
    viewer.ws.send(typeof msg === 'string' ? msg : JSON.stringify(msg));
    return (await err).message as string;
  };
  t.match(await ask({ type: 'step', session: env.sessionId, action: 1 }), /unknown message type "step".*read-only/);
  t.match(await ask({ type: 'close', session: env.sessionId }), /read-only/);
  t.match(await ask('not json'), /JSON objects/);
  t.match(await ask({ type: 'watch', session: 'nope', fps: 10 }), /no live session "nope"/);
  t.match(await ask({ type: 'watch', session: env.sessionId, fps: 0 }), /fps must be an integer from 1 to 60, got 0/);
  t.match(await ask({ type: 'watch', session: env.sessionId, fps: 61 }), /got 61/);
  t.match(await ask({ type: 'rate', fps: 5 }), /watch a session before/);
  t.match(await ask({ type: 'record' }), /watch a session before recording/);
  const r = await env.step(1);
  t.equal(r.terminated, false, 'the session still steps normally');
});

t.test('reports are checked', async (t) => {
  const { connect } = await startViewerServer(t);
  const env = await connect().make('CartPole-v1');
  await t.rejects(env.report({ loss: 'high' as never }), /metric 'loss' must be a number/);
  await t.rejects(env.report({ '': 1 }), /metric names must have 1 to 64 characters/);
  await t.rejects(env.report({ loss: 1 }, -1), /report step must be an integer/);
  const many = Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`m${i}`, i]));
  await t.rejects(env.report(many), /at most 32 distinct metrics/);
  await env.report({ loss: 1 });
  const unary = await connect().make('CartPole-v1', { transport: 'unary' });
  await unary.report({ loss: 2 }, 5);
  t.pass('reports over both transports are accepted');
});

t.test('a viewer is told when its session closes', async (t) => {
  const { connect, wsUrl } = await startViewerServer(t);
  const env = await connect().make('CartPole-v1');
  await env.reset({ seed: 1 });
  const agent = runAgent(env);
  const viewer = await openViewer(t, wsUrl);
  const frame = viewer.until((m) => m.type === 'frame');
  viewer.send({ type: 'watch', session: env.sessionId, fps: 60 });
  await frame;
  const closed = viewer.until((m) => m.type === 'closed');
  await agent.stop();
  await env.close();
  t.match(await closed, { session: env.sessionId });
});

t.test('palette envs send their indices, their palette only when it changes; recordings map them to RGB', async (t) => {
  const { server, connect } = await startServer(t, [PALETTE_ENV], { viewer: { port: 0 } });
  const env = await connect().make('Palette-v0');
  await env.reset();
  await env.step(0);
  const viewer = await openViewer(t, `ws://127.0.0.1:${server.viewer!.port}/ws`);
  const palette = viewer.until((m) => m.type === 'palette');
  const frame = viewer.until((m) => m.type === 'frame');
  viewer.send({ type: 'watch', session: env.sessionId, fps: 20 });
  t.same(await palette, { type: 'palette', session: env.sessionId, version: 1, colours: Array.from(PALETTE), payload: Buffer.alloc(0) }, 'the palette comes first');
  const f = await frame;
  t.same(f.image, { format: 'indexed', width: WIDTH, height: HEIGHT, palette: 1 }, 'the frame names the palette version it needs');
  t.same([...inflateSync(f.payload)], [...indicesAt(1)], 'the indices of the current step');
  // Steps 2 and 3: the palette grows once, so exactly one more palette message, sent before the frame that needs it.
  for (const step of [2, 3]) {
    const next = viewer.until((m) => m.type === 'frame' && m.steps === step);
    await env.step(0);
    const g = await next;
    t.same(g.image, { format: 'indexed', width: WIDTH, height: HEIGHT, palette: step >= 2 ? 2 : 1 }, `frame ${step}: palette version`);
    t.same([...inflateSync(g.payload)], [...indicesAt(step)], `frame ${step}: its indices`);
  }
  const palettes = viewer.got.text.filter((m) => m.type === 'palette');
  t.same(palettes.map((m) => [m.version, m.colours]), [[1, Array.from(paletteAt(1))], [2, Array.from(GROWN_PALETTE)]], 'one palette message per change, none per frame');

  const recording = viewer.until((m) => m.type === 'recording' && m.frames !== undefined);
  viewer.send({ type: 'record' });
  await env.reset();
  for (let i = 0; i < 3; i++) await env.step(0);
  const a = readApng((await recording).payload);
  t.equal(a.frames.length, 4);
  a.frames.forEach((fr, k) => {
    const rgb = [...indicesAt(k)].flatMap((i) => [...PALETTE.subarray(3 * i, 3 * i + 3)]);
    t.same([...fr.rgb], rgb, `recorded frame ${k} is the palette mapping of its indices`);
  });
});

t.test('envs without a painter send their render(), deflated', async (t) => {
  const { connect, wsUrl } = await startViewerServer(t);
  const env = await connect().make('FrozenLake-v1', { kwargs: { is_slippery: false } });
  await env.reset({ seed: 0 });
  await env.step(2);
  await env.step(1);
  const viewer = await openViewer(t, wsUrl);
  const frame = viewer.until((m) => m.type === 'frame');
  viewer.send({ type: 'watch', session: env.sessionId, fps: 5 });
  const f = await frame;
  const local = classicEnvs.find((e) => e.info.id === 'FrozenLake-v1')!.factory({ is_slippery: false }) as FrozenLake;
  local.reset(0);
  local.step(2);
  local.step(1);
  const expected = local.render();
  t.same(f.image, { format: 'rgb', width: expected.width, height: expected.height });
  t.ok(inflateSync(f.payload).equals(Buffer.from(expected.data)), 'the pixels of render() after the same moves');
});

t.test('a reset alone shows the new episode', async (t) => {
  const { connect, wsUrl } = await startViewerServer(t);
  const env = await connect().make('CartPole-v1');
  await env.reset({ seed: 1 });
  await env.step(1);
  const viewer = await openViewer(t, wsUrl);
  const first = viewer.until((m) => m.type === 'frame');
  viewer.send({ type: 'watch', session: env.sessionId, fps: 30 });
  await first;
  const next = viewer.until((m) => m.type === 'frame');
  const { obs } = await env.reset({ seed: 2 });
  const scene = (await next).scene as { x: number };
  t.equal(Math.fround(scene.x), (obs as Float32Array)[0], 'the frame after the reset shows the reset state, with no step taken');
});
