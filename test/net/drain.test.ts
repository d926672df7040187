// Graceful drain, as Kubernetes drives it: on SIGTERM health turns NOT_SERVING at once and new sessions are refused
// (so traffic moves elsewhere), existing sessions keep being answered for --drain-time, then their streams end
// with UNAVAILABLE and the process exits 0.

import t from 'tap';
import { status } from '@grpc/grpc-js';
import { Stadium } from '../../agent-client/client.js';
import { spawnServer } from '../support/spawn-server.js';
import { rejectsWith, sleep } from '../support/expect.js';
import { check, healthClient } from './health.js';

t.test('SIGTERM with a drain time', async (t) => {
  const s = await spawnServer(['--port', '0'], { STADIUM_DRAIN_TIME: '2' });
  t.teardown(() => s.kill());
  const address = `127.0.0.1:${s.port}`;
  const stadium = Stadium.connect(address);
  t.teardown(() => stadium.close());
  const health = healthClient(address);
  t.teardown(() => health.close());
  const env = await stadium.make('CartPole-v1');
  const unary = await stadium.make('CartPole-v1', { transport: 'unary' });
  await env.reset({ seed: 3 });
  await unary.reset({ seed: 3 });
  t.equal(await check(health), 'SERVING');

  const signalled = Date.now();
  s.proc.kill('SIGTERM');
  await sleep(300);
  t.equal(await check(health), 'NOT_SERVING', 'health turns NOT_SERVING at once');
  await rejectsWith(t, stadium.make('CartPole-v1'), status.UNAVAILABLE, /shutting down; make the session on another server/, 'a new session during the drain');
  const during = await Promise.all([env.step(0), env.step(1), unary.step(0)]);
  t.equal(during.length, 3, 'existing sessions are still answered during the drain');
  t.ok(Date.now() - signalled < 2000, 'all of that within the drain time');
  const stepUntilFailure = async () => {
    for (;;) {
      const r = await env.step(0);
      if (r.terminated) await env.reset();
      await sleep(50);
    }
  };
  await rejectsWith(t, stepUntilFailure(), status.UNAVAILABLE, /shutting down/, 'after the drain the stream ends');
  t.ok(Date.now() - signalled >= 1900, `not before the drain time (${Date.now() - signalled} ms)`);
  t.equal(await s.exited, 0, `and the process exits 0 (${Date.now() - signalled} ms after the signal)`);
});
