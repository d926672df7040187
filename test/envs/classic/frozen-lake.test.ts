import t, { type Test } from 'tap';
import { Xoshiro128 } from '../../../proto/rng.js';
import { FrozenLake, MAPS, frozenLake8x8Info, frozenLakeInfo, makeFrozenLake, makeFrozenLake8x8 } from '../../../env-server/envs/classic/frozen-lake.js';
import { InvalidOption } from '../../../env-server/envs/env.js';
import { ReplayRng, loadReference, truncatedAt, withinFourSigma } from './reference.js';

type Step = [action: number, obs: number, reward: number, terminated: boolean, truncated: boolean, prob: number];
interface Episode {
  env_id: string;
  map: string;
  name?: string;
  reset_obs: number;
  uniforms?: number[];
  steps: Step[];
  length: number;
}
interface Results {
  p_goal: number;
  p_hole: number;
}
interface MapStatistics {
  horizon: number;
  policies: Record<string, number[] | string>;
  results: Record<string, Results>;
}
interface FrozenLakeRef {
  registration: Record<string, { max_episode_steps: number; reward_threshold: number }>;
  defaults: { success_rate: number; fail_rate: number };
  maps: Record<string, string[]>;
  render: Record<string, { render_fps: number; rgb_array_shape: number[] }>;
  P: Record<string, [number, number, number, boolean][][][]>;
  nonslippery_trajectories: Episode[];
  slippery_replay_trajectories: Episode[];
  slippery_statistics: Record<string, MapStatistics>;
}

const { ref, skip } = loadReference<FrozenLakeRef>('frozenlake.json');
const factories = { 'FrozenLake-v1': makeFrozenLake, 'FrozenLake8x8-v1': makeFrozenLake8x8 } as const;
const infos = { 'FrozenLake-v1': frozenLakeInfo, 'FrozenLake8x8-v1': frozenLake8x8Info } as const;
type Id = keyof typeof factories;

t.test('registration and built-in maps match Gymnasium', { skip }, async (t) => {
  const r = ref!;
  for (const id of Object.keys(infos) as Id[]) {
    t.equal(infos[id].maxEpisodeSteps, r.registration[id].max_episode_steps, `${id} step limit`);
    t.equal(infos[id].rewardThreshold, r.registration[id].reward_threshold, `${id} reward threshold`);
    t.equal(infos[id].renderFps, r.render['4x4'].render_fps, `${id} frame rate`);
  }
  t.same(MAPS, r.maps);
  t.equal(frozenLakeInfo.kwargs.success_rate.default, r.defaults.success_rate);
});

t.test('transition tables equal Gymnasium P entry for entry', { skip }, async (t) => {
  const variants: Record<string, Record<string, unknown>> = {
    '4x4_slippery': { map_name: '4x4' },
    '4x4_nonslippery': { map_name: '4x4', is_slippery: false },
    '8x8_slippery': { map_name: '8x8' },
    '8x8_nonslippery': { map_name: '8x8', is_slippery: false },
    '4x4_slippery_success_rate_0.75': { map_name: '4x4', success_rate: 0.75 },
  };
  t.same(Object.keys(variants).sort(), Object.keys(ref!.P).sort(), 'every fixture table is covered');
  for (const [key, kwargs] of Object.entries(variants)) {
    const env = makeFrozenLake(kwargs) as FrozenLake;
    t.strictSame(env.P, ref!.P[key], key);
  }
  const slip = (makeFrozenLake({}) as FrozenLake).P[0][0].map((o) => o[0]);
  t.strictSame(slip, [ref!.defaults.fail_rate, ref!.defaults.success_rate, ref!.defaults.fail_rate], 'fail rate is (1 - 1/3) / 2, not 1/3');
});

function replay(t: Test, ep: Episode, env: FrozenLake, what: string): void {
  const reset = env.reset();
  t.equal(reset.obs, ep.reset_obs, `${what} reset obs`);
  t.same(reset.info, { prob: 1 }, `${what} reset info`);
  const limit = ep.env_id === 'FrozenLake8x8-v1' ? frozenLake8x8Info.maxEpisodeSteps : frozenLakeInfo.maxEpisodeSteps;
  const got = ep.steps.map(([a], i): Step => {
    const r = env.step(a);
    return [a, r.obs, r.reward, r.terminated, truncatedAt(i, limit), r.info.prob as number];
  });
  t.strictSame(got, ep.steps, `${what}: ${ep.length} steps`);
}

t.test('non-slippery trajectories replay exactly, truncation included', { skip }, async (t) => {
  for (const ep of ref!.nonslippery_trajectories) {
    const env = factories[ep.env_id as Id]({ map_name: ep.map, is_slippery: false }, new Xoshiro128(1)) as FrozenLake;
    replay(t, ep, env, `${ep.env_id} ${ep.map} ${ep.name}`);
  }
});

t.test('slippery trajectories replay from their recorded uniforms', { skip }, async (t) => {
  ref!.slippery_replay_trajectories.forEach((ep, k) => {
    // reset() draws one uniform as well (the start is sampled among the S cells); the fixture lists step draws only.
    const rng = new ReplayRng([0.5, ...ep.uniforms!]);
    replay(t, ep, factories[ep.env_id as Id]({}, rng) as FrozenLake, `${ep.env_id} replay ${k}`);
    t.equal(rng.uniformsUsed, ep.uniforms!.length + 1, `${ep.env_id} replay ${k} used every uniform`);
  });
});

/** Runs `episodes` episodes of a stationary policy under a TimeLimit; returns goal and hole frequencies. */
function monteCarlo(env: FrozenLake, policy: (s: number) => number, horizon: number, episodes: number): Results {
  let goals = 0;
  let holes = 0;
  for (let e = 0; e < episodes; e++) {
    let s = env.reset().obs;
    for (let i = 0; i < horizon; i++) {
      const r = env.step(policy(s));
      s = r.obs;
      if (r.terminated) {
        if (r.reward === 1) goals++;
        else holes++;
        break;
      }
    }
  }
  return { p_goal: goals / episodes, p_hole: holes / episodes };
}

t.test('Monte Carlo with our generator agrees with the exact slippery statistics', { skip }, async (t) => {
  const rng = new Xoshiro128(20261121);
  const cases: [map: string, policy: string, episodes: number][] = [
    ['4x4', 'uniform_random', 20000],
    ['4x4', 'greedy_gamma_0.99', 4000],
    ['8x8', 'greedy_gamma_0.995', 2000],
    ['8x8', 'uniform_random', 20000],
  ];
  for (const [map, name, n] of cases) {
    const stats = ref!.slippery_statistics[map];
    const table = stats.policies[name];
    const policy = typeof table === 'string' ? () => Math.floor(rng.random() * 4) : (s: number) => table[s];
    const env = makeFrozenLake({ map_name: map }, rng) as FrozenLake;
    const got = monteCarlo(env, policy, stats.horizon, n);
    for (const key of ['p_goal', 'p_hole'] as const) {
      const p = stats.results[name][key];
      withinFourSigma(t, got[key], p, Math.sqrt((p * (1 - p)) / n), `${map} ${name} ${key} over ${n} episodes`);
    }
  }
});

t.test('custom maps build the table a hand computation gives', async (t) => {
  const env = makeFrozenLake({ desc: ['SH', 'FG'], is_slippery: false, reward_schedule: [5, -1, -0.5] }) as FrozenLake;
  t.equal(env.observationSpace.n, 4);
  t.strictSame(env.P[0], [[[1, 0, -0.5, false]], [[1, 2, -0.5, false]], [[1, 1, -1, true]], [[1, 0, -0.5, false]]], 'from S: wall, down, hole, wall');
  t.strictSame(env.P[2][2], [[1, 3, 5, true]], 'right from (1,0) reaches the goal');
  t.strictSame(env.P[1][0], [[1, 1, 0, true]], 'holes absorb with reward 0');
  const wide = makeFrozenLake({ desc: ['SFFH', 'FFFG'] }) as FrozenLake;
  t.equal(wide.nrow, 2);
  t.equal(wide.ncol, 4);
  t.strictSame(wide.P[3][1], [[1, 3, 0, true]]);
  const twoStarts = makeFrozenLake({ desc: ['SS', 'FG'] }, new ReplayRng([0.49, 0.51])) as FrozenLake;
  t.equal(twoStarts.reset().obs, 0, 'u < 1/2 starts on the first S');
  t.equal(twoStarts.reset().obs, 1, 'u >= 1/2 starts on the second S');
});

t.test('make() refuses bad options, naming them and what is allowed', async (t) => {
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ map_name: '5x5' }, /FrozenLake-v1: option 'map_name' must be one of '4x4', '8x8', got "5x5"/],
    [{ desc: 'SFFG' }, /option 'desc' must be a non-empty array of equal-length strings over S, F, H, G/],
    [{ desc: [] }, /option 'desc' must be a non-empty array/],
    [{ desc: ['SF', 'FFG'] }, /rows differ in length/],
    [{ desc: ['SX', 'FG'] }, /found "X"/],
    [{ desc: ['FF', 'FG'] }, /there is no S/],
    [{ desc: ['SF', 'FH'] }, /there is no G/],
    [{ success_rate: 1.5 }, /option 'success_rate' must be a number in \[0, 1\], got 1.5/],
    [{ is_slippery: 1 }, /option 'is_slippery' must be a boolean/],
    [{ reward_schedule: [1, 0] }, /option 'reward_schedule' must be three finite numbers \[goal, hole, frozen\]/],
    [{ slippery: true }, /unknown option 'slippery'; allowed options: desc, map_name, is_slippery, success_rate, reward_schedule/],
  ];
  for (const [kwargs, message] of cases) t.throws(() => makeFrozenLake(kwargs), { name: 'InvalidOption', message }, JSON.stringify(kwargs));
  t.throws(() => makeFrozenLake8x8({ map_name: 3 }), InvalidOption);
  t.equal((makeFrozenLake8x8({}) as FrozenLake).observationSpace.n, 64, 'FrozenLake8x8-v1 defaults to the 8x8 map');
});
