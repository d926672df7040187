// Many servers on loopback, each its own process: a client given the list spreads sessions over them with
// grpc-js round_robin, unary sessions stay pinned to the server holding them, a killed server's sessions fail
// with UNAVAILABLE naming it while the others go on, and a multi-server vector env either reports the loss or
// re-creates the lost copies elsewhere and continues.

import t, { type Test } from 'tap';
import { status } from '@grpc/grpc-js';
import { Stadium, StadiumError } from '../../agent-client/client.js';
import { MultiVectorEnv, type VectorEnv } from '../../agent-client/multi-vector-env.js';
import { spawnServer, type ServerProcess } from '../support/spawn-server.js';
import { rejectsWith } from '../support/expect.js';

async function servers(t: Test, n: number): Promise<{ procs: ServerProcess[]; stadium: Stadium }> {
  const procs = await Promise.all(Array.from({ length: n }, (_, i) => spawnServer(['--port', '0', '--server-id', `s${i}`])));
  t.teardown(() => Promise.all(procs.map((p) => p.kill())));
  const stadium = Stadium.connect(procs.map((p) => `127.0.0.1:${p.port}`), { connectTimeoutMs: 3000 });
  t.teardown(() => stadium.close());
  await stadium.listEnvs();
  // round_robin reports ready once the first server is connected; let the others connect before spreading.
  await new Promise((r) => setTimeout(r, 500));
  return { procs, stadium };
}

const id = (server: string) => server.split(' ')[0];

t.test('sessions spread over servers; unary sessions stay pinned; a dead server fails only its own', async (t) => {
  const { procs, stadium } = await servers(t, 3);
  t.equal(stadium.serverCount, 3);
  const streamEnvs = [];
  const unaryEnvs = [];
  for (let i = 0; i < 6; i++) streamEnvs.push(await stadium.make('CartPole-v1'));
  for (let i = 0; i < 6; i++) unaryEnvs.push(await stadium.make('CartPole-v1', { transport: 'unary' }));
  t.same(new Set(streamEnvs.map((e) => id(e.server))), new Set(['s0', 's1', 's2']), 'stream sessions reach every server');
  t.same(new Set(unaryEnvs.map((e) => id(e.server))), new Set(['s0', 's1', 's2']), 'unary sessions reach every server');
  for (const env of [...streamEnvs, ...unaryEnvs]) {
    await env.reset({ seed: 1 });
    for (let k = 0; k < 5; k++) await env.step(k % 2);
  }
  t.pass('every request of every unary session found its session (pinned to its server)');

  const victim = id(unaryEnvs[0].server);
  await procs[Number(victim.slice(1))].kill('SIGKILL');
  for (const env of [...streamEnvs, ...unaryEnvs]) {
    const mine = id(env.server) === victim;
    try {
      await env.step(0);
      t.notOk(mine, `a session on ${id(env.server)} goes on`);
    } catch (e) {
      t.ok(mine, `only sessions on the dead server fail (this one is on ${id(env.server)})`);
      t.equal((e as StadiumError).code, status.UNAVAILABLE, 'with UNAVAILABLE');
      t.match((e as Error).message, new RegExp(`server ${victim} \\(127\\.0\\.0\\.1:\\d+\\) is unavailable`), 'naming the server');
    }
  }
  const fresh = await stadium.make('CartPole-v1', { transport: 'unary' });
  t.not(id(fresh.server), victim, 'new sessions go to the servers still up');
});

t.test('a vector env over three servers', async (t) => {
  const { procs, stadium } = await servers(t, 3);
  const vec = await MultiVectorEnv.make(stadium, 'CartPole-v1', 12);
  t.equal(vec.numEnvs, 12);
  t.same(new Set(vec.servers.map(id)), new Set(['s0', 's1', 's2']), 'one shard on each server');
  // Typed as the shared interface: a RemoteVectorEnv must offer everything a MultiVectorEnv does.
  const solo = Stadium.connect(`127.0.0.1:${procs[0].port}`);
  t.teardown(() => solo.close());
  const single: VectorEnv = await solo.makeVec('CartPole-v1', 12);
  const a = await vec.reset({ seed: 40 });
  const b = await single.reset({ seed: 40 });
  t.same(a.obs, b.obs, 'copy i is seeded with seed + i, as in one vector session');
  const actions = Array.from({ length: 12 }, (_, i) => i % 2);
  for (let k = 0; k < 20; k++) {
    const x = await vec.step(actions);
    const y = await single.step(actions);
    t.same([x.obs, Array.from(x.rewards), x.terminated, x.truncated], [y.obs, Array.from(y.rewards), y.terminated, y.truncated], `step ${k} matches one vector session`);
  }
  await single.close();
  await rejectsWith(t, vec.step(actions.slice(1)), status.INVALID_ARGUMENT, /expected 12 actions/, 'a wrong batch');

  const victim = id(vec.servers[1]);
  await procs[Number(victim.slice(1))].kill('SIGKILL');
  await rejectsWith(t, vec.step(actions), status.UNAVAILABLE, new RegExp(`server ${victim} .* is unavailable`), 'without recreateLost the step fails naming the server');
  await vec.close();
});

t.test('recreateLost: the copies of a lost server are made again elsewhere', async (t) => {
  const { procs, stadium } = await servers(t, 3);
  const vec = await MultiVectorEnv.make(stadium, 'CartPole-v1', 9, { recreateLost: true });
  await vec.reset({ seed: 1 });
  const actions = Array.from({ length: 9 }, () => 1);
  await vec.step(actions);
  const victim = id(vec.servers[2]);
  await procs[Number(victim.slice(1))].kill('SIGKILL');
  const lostStep = await vec.step(actions);
  t.equal(vec.losses.length, 1, 'one loss recorded');
  t.equal(id(vec.losses[0].server), victim, 'naming the dead server');
  t.not(id(vec.losses[0].replacement), victim, 'the copies went to a server still up');
  t.equal(vec.losses[0].error.code, status.UNAVAILABLE);
  t.same(lostStep.truncated, [false, false, false, false, false, false, true, true, true], "the lost copies' episodes are truncated");
  t.same(lostStep.infos.slice(6).map((i) => i.lost), [true, true, true], 'and marked lost');
  const next = await vec.step(actions);
  t.same(Array.from(next.rewards).slice(6), [0, 0, 0], 'their next step is the autoreset step');
  t.same((next.obs as Float32Array).slice(24), (lostStep.obs as Float32Array).slice(24), 'returning the new episode’s first observation');
  const after = await vec.step(actions);
  t.same(Array.from(after.rewards), Array(9).fill(1), 'then every copy steps again');
  await vec.close();
});
