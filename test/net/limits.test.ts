// Resource limits a client cannot get around: sessions and streams are counted per client IP over all its
// connections, renders are rate limited per session, oversized requests and file-like options are refused, and
// each refusal is RESOURCE_EXHAUSTED (or INVALID_ARGUMENT) with a message saying which limit and what to do.

import t from 'tap';
import { status } from '@grpc/grpc-js';
import { COUNT_ENV } from '../support/count-env.js';
import { startServer } from '../support/server.js';
import { peerIp, RateLimit } from '../../env-server/security/limits.js';
import { rejectsWith, until } from '../support/expect.js';
import type { RemoteEnv } from '../../agent-client/client.js';

t.test('sessions per client count over all its connections and both transports', async (t) => {
  const { connect, server } = await startServer(t, [COUNT_ENV], { limits: { maxSessionsPerClient: 3, maxSessions: 10 } });
  const envs: RemoteEnv[] = [];
  envs.push(await connect().make('Count-v0'));
  envs.push(await connect().make('Count-v0', { transport: 'unary' }));
  envs.push(await connect().make('Count-v0'));
  await rejectsWith(t, connect().make('Count-v0', { transport: 'unary' }), status.RESOURCE_EXHAUSTED, /client 127\.0\.0\.1 holds 3 sessions; 1 more would pass its limit of 3/, 'fourth session from a fresh connection');
  await envs[1].close();
  envs[1] = await connect().make('Count-v0');
  t.ok(server.service.sessions.has(envs[1].sessionId), 'closing a session frees its place');
  await rejectsWith(t, connect().make('Count-v0'), status.RESOURCE_EXHAUSTED, /limit of 3/, 'and only that one');
  await envs[0].close();
  t.ok(await until(() => server.service.sessions.size === 2, 2000), 'closed on the server');
  const again = await connect().make('Count-v0');
  t.ok(server.service.sessions.has(again.sessionId), 'so does closing a stream session');
});

t.test('sessions in total', async (t) => {
  const { connect } = await startServer(t, [COUNT_ENV], { limits: { maxSessions: 2 } });
  await connect().make('Count-v0');
  await connect().make('Count-v0', { transport: 'unary' });
  await rejectsWith(t, connect().make('Count-v0'), status.RESOURCE_EXHAUSTED, /limit of 2 sessions.*another server/, 'third session');
});

t.test('env copies, per client and in total', async (t) => {
  const { connect } = await startServer(t, [COUNT_ENV], { limits: { maxEnvsPerClient: 10, maxEnvs: 12, maxNumEnvs: 8 } });
  const a = await connect().makeVec('Count-v0', 8);
  await rejectsWith(t, connect().makeVec('Count-v0', 3, { transport: 'unary' }), status.RESOURCE_EXHAUSTED, /client 127\.0\.0\.1 holds 8 env copies; 3 more would pass its limit of 10/, 'a vector session past the per-client copies');
  await connect().makeVec('Count-v0', 2);
  await a.close();
  const b = await connect().makeVec('Count-v0', 8);
  t.equal(b.numEnvs, 8, 'closing a vector session frees its copies');
  await b.close();
  const server2 = await startServer(t, [COUNT_ENV], { limits: { maxEnvs: 12, maxNumEnvs: 8 } });
  await server2.connect().makeVec('Count-v0', 8);
  await rejectsWith(t, server2.connect().makeVec('Count-v0', 5), status.RESOURCE_EXHAUSTED, /server holds 8 env copies; 5 more would pass its limit of 12/, 'copies past the server total');
});

t.test('streams per client', async (t) => {
  const { connect, server } = await startServer(t, [COUNT_ENV], { limits: { maxStreamsPerClient: 2 } });
  const a = await connect().make('Count-v0');
  await connect().make('Count-v0');
  await rejectsWith(t, connect().make('Count-v0'), status.RESOURCE_EXHAUSTED, /holds 2 session streams; 1 more would pass its limit of 2/, 'third stream');
  const unary = await connect().make('Count-v0', { transport: 'unary' });
  t.equal(((await unary.reset()).obs as Float32Array).length, 2, 'unary calls are not streams');
  await a.close();
  t.ok(await until(() => server.service.sessions.size === 2, 2000), 'the first stream ended');
  const c = await connect().make('Count-v0');
  t.ok(server.service.sessions.has(c.sessionId), 'an ended stream frees its place');
});

t.test('render rate per session', async (t) => {
  const { connect } = await startServer(t, [COUNT_ENV], { limits: { maxRenderFps: 5 } });
  const env = await connect().make('Count-v0', { transport: 'unary' });
  await env.reset();
  /** Renders until refused (at most `max` tries); returns how many were answered. */
  const burst = async (render: (i: number) => Promise<unknown>, max: number) => {
    for (let i = 0; i < max; i++) {
      try {
        await render(i);
      } catch (e) {
        t.match(e, { code: status.RESOURCE_EXHAUSTED, message: /faster than this server's limit of 5 frames a second per copy/ }, `refused after ${i} frames, RESOURCE_EXHAUSTED`);
        return i;
      }
    }
    return max;
  };
  const first = await burst(() => env.render(), 10);
  // The bucket holds one second (5 frames) and refills at 5 a second, so a fast burst gets 5, or 6 on a slow machine.
  t.ok(first >= 5 && first <= 6, `a burst of one second of frames is allowed, then refused (${first} answered)`);
  await rejectsWith(t, env.render(), status.RESOURCE_EXHAUSTED, /limit of 5 frames/, 'and refused again at once');
  await new Promise((r) => setTimeout(r, 450));
  t.equal((await env.render()).width, 2, 'the budget refills with time');
  t.equal((await env.step(1)).reward, 1, 'stepping is not limited by the render budget');
  const vec = await connect().makeVec('Count-v0', 3, { transport: 'unary' });
  await vec.reset();
  const perCopy = await burst((i) => vec.render(i % 3), 30);
  t.ok(perCopy >= 15 && perCopy <= 17, `a vector session has the budget once per copy: 15 frames a second (${perCopy} answered)`);
});

t.test('oversized requests', async (t) => {
  const { connect } = await startServer(t, [COUNT_ENV], { maxMessageBytes: 4096 });
  const big = { length: 5, padding: 'x'.repeat(200) };
  const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, 'y'.repeat(120)]));
  await rejectsWith(t, connect().make('Count-v0', { kwargs: many, transport: 'unary' }), status.RESOURCE_EXHAUSTED, /larger than max \(\d+ vs\.? 4096\)/, 'a unary request over the limit');
  await rejectsWith(t, connect().make('Count-v0', { kwargs: many }), status.RESOURCE_EXHAUSTED, /larger than max/, 'a stream message over the limit');
  await rejectsWith(t, connect().make('Count-v0', { kwargs: big }), status.INVALID_ARGUMENT, /unknown option 'padding'/, 'a request under the limit is handled');
});

t.test('options never name files', async (t) => {
  const { connect } = await startServer(t, [COUNT_ENV]);
  const stadium = connect();
  for (const v of ['/etc/passwd', '../roms/pong.bin', 'C:\\roms\\x', '..', '~root']) {
    await rejectsWith(t, stadium.make('Count-v0', { kwargs: { length: v } }), status.INVALID_ARGUMENT, /looks like a file path.*never files/, `option value ${JSON.stringify(v)}`);
  }
  await rejectsWith(t, stadium.make('Count-v0', { kwargs: { length: { nested: ['/dev/zero'] } } }), status.INVALID_ARGUMENT, /'length'\.nested\[0\] looks like a file path/, 'a path nested in a list');
  await rejectsWith(t, stadium.make('Count-v0', { kwargs: { length: 'z'.repeat(300) } }), status.INVALID_ARGUMENT, /300 characters long; at most 256/, 'a long string');
  await rejectsWith(t, stadium.make('Count-v0', { kwargs: { length: 'pong' } }), status.INVALID_ARGUMENT, /length must be a positive integer/, 'a plain name reaches the env, which judges it');
});

t.test('peer addresses and the token bucket', async (t) => {
  t.equal(peerIp('10.1.2.3:50000'), '10.1.2.3');
  t.equal(peerIp('::ffff:10.1.2.3:50000'), '10.1.2.3', 'IPv4-mapped IPv6 is the IPv4 client');
  t.equal(peerIp('[::1]:50000'), '::1');
  t.equal(peerIp('fe80::1:50000'), 'fe80::1');
  const r = new RateLimit(3);
  t.same([r.take(), r.take(), r.take(), r.take()], [true, true, true, false], 'one second of burst, then refused');
});
