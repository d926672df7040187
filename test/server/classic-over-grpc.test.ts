// The classic envs end to end through the default registry, a real server and the client: the recorded
// Gymnasium FrozenLake trajectories (time limits included) replay exactly, and Platform's nested Tuple action
// and observation survive the wire.

import t from 'tap';
import { defaultRegistry } from '../../env-server/envs/index.js';
import { startServer } from '../support/server.js';
import { loadReference } from '../envs/classic/reference.js';

interface Trajectory {
  env_id: string;
  map: string;
  name: string;
  reset_obs: number;
  actions: number[];
  steps: [number, number, number, boolean, boolean, number][];
}

const registry = defaultRegistry();
const registrations = registry.ids().map((id) => registry.get(id));

const { ref, skip } = loadReference<{ nonslippery_trajectories: Trajectory[] }>('frozenlake.json');

t.test('FrozenLake trajectories recorded from Gymnasium replay exactly over the wire', { skip }, async (t) => {
  const { connect } = await startServer(t, registrations);
  const stadium = connect();
  for (const traj of ref!.nonslippery_trajectories) {
    const env = await stadium.make(traj.env_id, { kwargs: { is_slippery: false, map_name: traj.map } });
    const r = await env.reset({ seed: 0 });
    const got: unknown[] = [];
    for (const [a] of traj.steps) {
      const s = await env.step(a);
      got.push([a, s.obs, s.reward, s.terminated, s.truncated, s.info.prob]);
    }
    t.equal(r.obs, traj.reset_obs, `${traj.env_id} ${traj.map} ${traj.name}: reset observation`);
    t.same(got, traj.steps, `${traj.env_id} ${traj.map} ${traj.name}: every step`);
    await env.close();
  }
});

t.test('Platform: nested Tuple actions and observations round-trip', async (t) => {
  const { connect } = await startServer(t, registrations);
  const env = await connect().make('Platform-v0');
  t.equal(String(env.actionSpace), 'Tuple(Discrete(3), Tuple(Box(0, 30, (1), float32), Box(0, 720, (1), float32), Box(0, 430, (1), float32)))');
  const r = await env.reset({ seed: 1 });
  t.ok(env.observationSpace.contains(r.obs), 'reset observation is in the observation space');
  const s = await env.step([0, [Float32Array.of(20), Float32Array.of(0), Float32Array.of(0)]]);
  t.ok(env.observationSpace.contains(s.obs), 'step observation is in the observation space');
  t.ok(s.reward > 0, 'running right makes progress');
  await env.close();
});

t.test('Platform clips finite parameters as gym-platform does, and refuses NaN and infinities', async (t) => {
  const { connect } = await startServer(t, registrations);
  const stadium = connect();
  const [a, b] = [await stadium.make('Platform-v0'), await stadium.make('Platform-v0')];
  await a.reset({ seed: 3 });
  await b.reset({ seed: 3 });
  const params = (run: number) => [Float32Array.of(run), Float32Array.of(0), Float32Array.of(0)];
  const over = await a.step([0, params(33)]);
  const atBound = await b.step([0, params(30)]);
  t.same(over, atBound, 'a run power of 33 (110% of 30) steps exactly as 30');
  const under = await a.step([0, params(-3)]);
  t.same(under, await b.step([0, params(0)]), 'and -3 as 0');
  for (const bad of [NaN, Infinity, -Infinity]) {
    await t.rejects(a.step([0, params(bad)]), { code: 3, message: /element 0 is (NaN|-?Infinity)/ }, `${bad} is refused with INVALID_ARGUMENT`);
  }
  t.same(await a.step([1, [Float32Array.of(0), Float32Array.of(5), Float32Array.of(0)]]), await b.step([1, [Float32Array.of(0), Float32Array.of(5), Float32Array.of(0)]]), 'the refusals left the session as it was');
});

t.test('CartPole vector session: batched float32 observations, 500-step limit', async (t) => {
  const { connect } = await startServer(t, registrations);
  const vec = await connect().makeVec('CartPole-v1', 4);
  const r = await vec.reset({ seed: 42 });
  const obs = r.obs as Float32Array;
  t.equal(obs.length, 16);
  t.ok(obs.every((x) => Math.abs(x) <= 0.05), 'reset states are drawn from U(-0.05, 0.05)');
  const again = await vec.reset({ seed: 42 });
  t.same(again.obs, r.obs, 'the same seed gives the same reset');
  const s = await vec.step([0, 1, 0, 1]);
  t.same(Array.from(s.rewards), [1, 1, 1, 1]);
  t.equal(vec.spec.maxEpisodeSteps, 500);
});
