import t from 'tap';
import { Xoshiro128 } from '../../../proto/rng.js';
import type { Native } from '../../../proto/spaces.js';
import { HOP, LEAP, Platform, RUN, makePlatform, platformInfo } from '../../../env-server/envs/classic/platform.js';
import { InvalidOption } from '../../../env-server/envs/env.js';
import { ReplayRng, ZeroNoiseRng, loadReference, sameNumbers, truncatedAt, withinFourSigma } from './reference.js';

interface Episode {
  name: string;
  mode: 'noise_free' | 'seeded';
  reset_obs: number[];
  reset_substeps: number;
  actions: [number, number, number, number][];
  obs: number[][];
  substeps: number[];
  rewards: number[];
  terminal: boolean[];
  time_limit_reached: boolean[];
  internal: number[][];
  z?: number[][];
  length: number;
  return: number;
}
interface McPolicy {
  N: number;
  mean_return: number;
  se_mean_return: number;
  std_return: number;
}
interface PlatformRef {
  registration: { max_episode_steps: number };
  derived: { enemy_start: number[][]; enemy_start_dx: number; player_start: number[] };
  observation: { reset_state: number[] };
  trajectories: Episode[];
  monte_carlo: { policies: Record<string, McPolicy>; seq_success: [number, number][] };
}

const { ref, skip } = loadReference<PlatformRef>('platform.json');

function action(kind: number, param: number): Native[] {
  const params = [0, 0, 0].map(() => new Float32Array(1));
  params[kind][0] = param;
  return [kind, params];
}

t.test('reset state and registration match the reference', { skip }, async (t) => {
  const r = ref!;
  t.equal(platformInfo.maxEpisodeSteps, r.registration.max_episode_steps);
  const env = new Platform(new ZeroNoiseRng());
  const reset = env.reset();
  sameNumbers(t, reset.obs[0] as Float64Array, r.observation.reset_state, 'reset features');
  t.equal(reset.obs[1], 0, 'no sub-updates after reset');
  const [e1, e2] = r.derived.enemy_start;
  sameNumbers(t, env.internal, [...r.derived.player_start, 0, 0, e1[0], e1[1], r.derived.enemy_start_dx, e2[0], e2[1], r.derived.enemy_start_dx], 'internal state after reset');
});

t.test('every trajectory replays bit for bit (noise-free, and seeded with the recorded normals)', { skip }, async (t) => {
  const episodes = ref!.trajectories;
  t.ok(episodes.some((e) => e.mode === 'seeded') && episodes.some((e) => e.mode === 'noise_free'), 'both modes are present');
  for (const ep of episodes) {
    const replay = ep.mode === 'seeded' ? new ReplayRng([], ep.z!.flat()) : new ZeroNoiseRng();
    const env = new Platform(replay);
    const reset = env.reset();
    t.ok(sameNumbers(t, reset.obs[0] as Float64Array, ep.reset_obs, `${ep.name} reset`), `${ep.name} reset`);
    let ok = true;
    let total = 0;
    for (let i = 0; i < ep.length && ok; i++) {
      const before = replay.normalsUsed;
      const [kind, pRun, pHop, pLeap] = ep.actions[i];
      const r = env.step([kind, [Float32Array.of(pRun), Float32Array.of(pHop), Float32Array.of(pLeap)]]);
      const [features, substeps] = r.obs as [Float64Array, number];
      total += r.reward;
      const internal = env.internal;
      const problems = [
        features.every((v, k) => v === ep.obs[i][k]) ? '' : `obs [${Array.from(features)}] vs [${ep.obs[i]}]`,
        substeps === ep.substeps[i] ? '' : `substeps ${substeps} vs ${ep.substeps[i]}`,
        r.reward === ep.rewards[i] ? '' : `reward ${r.reward} vs ${ep.rewards[i]}`,
        r.terminated === ep.terminal[i] ? '' : `terminal ${r.terminated} vs ${ep.terminal[i]}`,
        truncatedAt(i, platformInfo.maxEpisodeSteps) === ep.time_limit_reached[i] ? '' : 'time limit',
        internal.every((v, k) => v === ep.internal[i][k]) ? '' : `internal [${internal}] vs [${ep.internal[i]}]`,
        ep.mode === 'noise_free' || replay.normalsUsed - before === ep.z![i].length ? '' : `used ${replay.normalsUsed - before} normals, recorded ${ep.z![i].length}`,
      ].filter(Boolean);
      if (problems.length) {
        ok = false;
        t.fail(`${ep.name} step ${i}: ${problems.join('; ')}`);
      }
    }
    t.ok(ok, `${ep.name} (${ep.mode}, ${ep.length} steps) matches`);
    if (ok) t.equal(total, ep.return, `${ep.name} return`);
  }
});

t.test('Monte Carlo with our normal generator agrees with the reference estimates', { skip }, async (t) => {
  const mc = ref!.monte_carlo;
  const scripted = mc.seq_success;
  const policies: [name: string, episodes: number, policy: (step: number) => Native[]][] = [
    ['always_run_30', 200, () => action(RUN, 30)],
    ['always_hop_360', 400, () => action(HOP, 360)],
    ['always_leap_430', 400, () => action(LEAP, 430)],
    ['scripted_success_then_run3', 1000, (i) => (i < scripted.length ? action(scripted[i][0], scripted[i][1]) : action(RUN, 3))],
  ];
  const env = new Platform(new Xoshiro128(4242));
  for (const [name, n, policy] of policies) {
    const returns: number[] = [];
    for (let e = 0; e < n; e++) {
      env.reset();
      let ret = 0;
      for (let i = 0; i < platformInfo.maxEpisodeSteps!; i++) {
        const r = env.step(policy(i));
        ret += r.reward;
        if (r.terminated) break;
      }
      returns.push(ret);
    }
    const mean = returns.reduce((a, b) => a + b, 0) / n;
    const ref = mc.policies[name];
    // Our standard error uses the reference's spread: a small run can miss the rare failures that make it.
    withinFourSigma(t, mean, ref.mean_return, Math.sqrt(ref.se_mean_return ** 2 + ref.std_return ** 2 / n), `${name} mean return over ${n} episodes`);
  }
});

t.test('parameters outside the box are clipped, as in the reference', async (t) => {
  const a = new Platform(new ZeroNoiseRng());
  const b = new Platform(new ZeroNoiseRng());
  a.reset();
  b.reset();
  t.same(a.step(action(RUN, 45)), b.step(action(RUN, 30)), 'run 45 acts as run 30');
  t.same(a.step(action(HOP, -5)), b.step(action(HOP, 0)), 'hop -5 acts as hop 0');
});

t.test('reset re-seeds the generator only when given a seed', async (t) => {
  const rng = new ReplayRng([], [0.1, 0.2]);
  const env = new Platform(rng);
  env.reset(17);
  env.reset();
  t.same(rng.seeds, [17]);
  t.equal(rng.normalsUsed, 0, 'reset draws nothing');
});

t.test('make() takes no options', async (t) => {
  t.ok(makePlatform({}) instanceof Platform);
  t.throws(() => makePlatform({ difficulty: 2 }), new InvalidOption(`Platform-v0: unknown option 'difficulty'; it takes no options`));
});
