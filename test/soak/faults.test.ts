// The server stays up through the faults of a real network: killed clients' sessions are freed, half-open
// connections are reaped by keepalive, and a SIGTERM under load answers or cleanly fails every request in flight
// and exits; through all of it other clients are served and health says SERVING until shutdown.

import t from 'tap';
import { COUNT_ENV } from '../support/count-env.js';
import { startServer } from '../support/server.js';
import { spawnServer } from '../support/spawn-server.js';
import { until } from '../support/expect.js';
import { check, healthClient, watch } from '../net/health.js';
import { busyClients, halfOpen, vanishingClients } from './faults.js';
import { classicEnvs } from '../../env-server/envs/classic/registry.js';

t.test('clients killed mid-stream have their sessions freed', async (t) => {
  const { connect, server, address } = await startServer(t, [...classicEnvs, COUNT_ENV]);
  const bystander = await connect().make('Count-v0', { kwargs: { length: 1000 } });
  await bystander.reset();
  await vanishingClients(address, 3, 10);
  t.ok(await until(() => server.service.sessions.size === 1, 5000), `the 30 sessions of killed clients were closed (${server.service.sessions.size - 1} left)`);
  t.equal((await bystander.step(1)).reward, 1, 'the bystander goes on');
});

t.test('half-open connections are reaped', async (t) => {
  const { connect, server, address } = await startServer(t, [COUNT_ENV], { keepalive: { timeMs: 200, timeoutMs: 200 }, maxConnectionIdleMs: 1000 });
  const bystander = await connect().make('Count-v0', { kwargs: { length: 1000 } });
  await bystander.reset();
  const closedAfter = await halfOpen(server.port, '127.0.0.1', 20, 5000);
  t.equal(closedAfter.filter((ms) => ms < 0).length, 0, `every silent connection was closed by the server (after ${Math.max(...closedAfter)} ms at most)`);
  t.equal((await bystander.step(2)).reward, 2, 'the bystander, whose connection answers pings, goes on');
  const health = healthClient(address);
  t.equal(await check(health), 'SERVING');
  health.close();
});

t.test('SIGTERM under load: every request answered or cleanly failed, NOT_SERVING, then exit', async (t) => {
  const s = await spawnServer(['--port', '0', '--log-level', 'info']);
  t.teardown(() => s.kill());
  const address = `127.0.0.1:${s.port}`;
  const load = busyClients(address, 4, 40, 4);
  await load.ready;
  await new Promise((r) => setTimeout(r, 500));
  const seen: string[] = [];
  const health = healthClient(address);
  const w = watch(health, seen);
  await until(() => seen.length > 0, 2000);
  const signalled = Date.now();
  s.proc.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const settled = await Promise.race([load.done.then(() => true), new Promise((r) => (timer = setTimeout(() => r(false), 15_000)))]);
  clearTimeout(timer);
  t.ok(settled, 'no request hangs');
  t.ok(await until(() => seen.includes('NOT_SERVING'), 2000), `health went NOT_SERVING (saw ${seen.join(', ')})`);
  w.cancel();
  health.close();
  t.equal(await s.exited, 0, `the server exited with status 0 (${Date.now() - signalled} ms after the signal)`);
  await load.stop();
  t.ok(load.out.answered > 40, `requests were answered before the signal (${load.out.answered})`);
  t.ok(load.out.failedCleanly > 0, `in-flight requests failed cleanly with UNAVAILABLE or CANCELLED (${load.out.failedCleanly})`);
  t.same(load.out.other, [], 'and none failed any other way');
});
