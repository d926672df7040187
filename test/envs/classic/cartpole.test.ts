import t from 'tap';
import { Xoshiro128 } from '../../../proto/rng.js';
import { CartPole, THETA_THRESHOLD, X_THRESHOLD, cartPoleInfo, makeCartPole } from '../../../env-server/envs/classic/cartpole.js';
import { InvalidOption, NO_INFO } from '../../../env-server/envs/env.js';
import { BatchRows } from '../../../env-server/backend/rows.js';
import { loadReference, sameNumbers, truncatedAt } from './reference.js';

interface Transition {
  id: number;
  category: string;
  state: number[];
  action: number;
  next_state: number[];
  obs: number[];
  terminated: boolean;
  reward: number;
  reward_sutton_barto: number;
}
interface Steps {
  initial_state: number[];
  actions: number[];
  steps: { next_state: number[]; reward: number; terminated: boolean }[];
}
interface Trajectory {
  name: string;
  sutton_barto_reward: boolean;
  initial_state: number[];
  actions: number[];
  states: number[][];
  rewards: number[];
  terminated: boolean[];
  truncated: boolean[];
  length: number;
}
interface CartPoleRef {
  registration: { max_episode_steps: number; reward_threshold: number };
  constants: { theta_threshold_radians: number; x_threshold: number };
  observation_space: { low: (number | string)[]; high: (number | string)[] };
  render: { render_fps: number };
  transitions: Transition[];
  post_termination: { default: Steps; sutton_barto: Steps };
  trajectories: Trajectory[];
}

const { ref, skip } = loadReference<CartPoleRef>('cartpole.json');
const bound = (v: number | string): number => (v === 'inf' ? Infinity : v === '-inf' ? -Infinity : (v as number));

t.test('registration, constants and spaces match Gymnasium', { skip }, async (t) => {
  const r = ref!;
  t.equal(cartPoleInfo.maxEpisodeSteps, r.registration.max_episode_steps);
  t.equal(cartPoleInfo.rewardThreshold, r.registration.reward_threshold);
  t.equal(cartPoleInfo.renderFps, r.render.render_fps);
  t.equal(THETA_THRESHOLD, r.constants.theta_threshold_radians);
  t.equal(X_THRESHOLD, r.constants.x_threshold);
  const env = new CartPole();
  sameNumbers(t, env.observationSpace.low, r.observation_space.low.map(bound), 'observation low');
  sameNumbers(t, env.observationSpace.high, r.observation_space.high.map(bound), 'observation high');
  t.equal(env.observationSpace.dtype, 'float32');
  t.equal(String(env.actionSpace), 'Discrete(2)');
});

t.test('every fixture transition is reproduced bit for bit', { skip }, async (t) => {
  const r = ref!;
  t.equal(r.transitions.length, 322);
  const plain = new CartPole({ suttonBartoReward: false });
  const sb = new CartPole({ suttonBartoReward: true });
  for (const tr of r.transitions) {
    const what = `transition ${tr.id} (${tr.category})`;
    plain.setState(tr.state);
    const res = plain.step(tr.action);
    sameNumbers(t, plain.state, tr.next_state, `${what} next_state`);
    sameNumbers(t, res.obs, tr.obs, `${what} obs`);
    t.ok(res.obs instanceof Float32Array, `${what} obs is float32`);
    t.equal(res.terminated, tr.terminated, `${what} terminated`);
    t.equal(res.reward, tr.reward, `${what} reward`);
    sb.setState(tr.state);
    t.equal(sb.step(tr.action).reward, tr.reward_sutton_barto, `${what} Sutton-Barto reward`);
  }
});

t.test('stepInto writes each fixture transition into its row of a batch, and nothing else', { skip }, async (t) => {
  const env = new CartPole({ suttonBartoReward: false });
  const sb = new CartPole({ suttonBartoReward: true });
  const rows = new BatchRows(env.observationSpace, 3);
  const sbRows = new BatchRows(sb.observationSpace, 3);
  // Marks, so that a write to the wrong row or a flag left set shows.
  rows.reward.fill(7);
  rows.truncated.fill(1);
  for (const tr of ref!.transitions) {
    const what = `transition ${tr.id} (${tr.category})`;
    const row = tr.id % 3;
    env.setState(tr.state);
    env.stepInto(tr.action, rows, row);
    sameNumbers(t, env.state, tr.next_state, `${what} next_state`);
    sameNumbers(t, rows.obs.subarray(row * 4, row * 4 + 4) as Float32Array, tr.obs, `${what} obs`);
    t.equal(rows.reward[row], tr.reward, `${what} reward`);
    t.equal(rows.terminated[row], tr.terminated ? 1 : 0, `${what} terminated`);
    t.equal(rows.truncated[row], 0, `${what} truncated cleared`);
    t.equal(rows.infos[row], NO_INFO, `${what} info`);
    sb.setState(tr.state);
    sb.stepInto(tr.action, sbRows, row);
    t.equal(sbRows.reward[row], tr.reward_sutton_barto, `${what} Sutton-Barto reward`);
    if (tr.id === 0) t.same([...rows.reward.subarray(1)], [7, 7], 'other rows untouched');
  }
});

t.test('stepping after termination keeps Gymnasium rewards', { skip }, async (t) => {
  for (const [name, steps] of Object.entries(ref!.post_termination)) {
    const env = new CartPole({ suttonBartoReward: name === 'sutton_barto' });
    env.setState(steps.initial_state);
    steps.actions.forEach((a, i) => {
      const res = env.step(a);
      sameNumbers(t, env.state, steps.steps[i].next_state, `${name} step ${i} state`);
      t.equal(res.reward, steps.steps[i].reward, `${name} step ${i} reward`);
      t.equal(res.terminated, steps.steps[i].terminated, `${name} step ${i} terminated`);
    });
  }
});

t.test('open-loop trajectories, including both 500-step runs, replay exactly', { skip }, async (t) => {
  for (const tr of ref!.trajectories) {
    const env = new CartPole({ suttonBartoReward: tr.sutton_barto_reward });
    env.setState(tr.initial_state);
    let ok = true;
    for (let i = 0; i < tr.length && ok; i++) {
      const res = env.step(tr.actions[i]);
      const s = env.state;
      ok =
        tr.states[i].every((v, k) => v === s[k]) &&
        res.reward === tr.rewards[i] &&
        res.terminated === tr.terminated[i] &&
        truncatedAt(i, cartPoleInfo.maxEpisodeSteps) === tr.truncated[i];
      if (!ok) t.fail(`${tr.name} diverges at step ${i}: state [${Array.from(s)}] vs [${tr.states[i]}], reward ${res.reward} vs ${tr.rewards[i]}`);
    }
    t.ok(ok, `${tr.name}: ${tr.length} steps match`);
  }
});

t.test('reset draws each state component uniformly from [low, high)', async (t) => {
  const env = new CartPole();
  const a = env.reset(7).obs;
  t.same(env.reset(7).obs, a, 'the same seed gives the same start');
  t.not(env.reset(8).obs[0], a[0], 'another seed gives another start');
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < 2000; i++) {
    env.reset();
    for (const v of env.state) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  t.ok(lo >= -0.05 && lo < -0.049, `lowest draw ${lo} is just above -0.05`);
  t.ok(hi < 0.05 && hi > 0.049, `highest draw ${hi} is just below 0.05`);
  env.reset(1, { low: 0.2, high: 0.3 });
  t.ok(env.state.every((v) => v >= 0.2 && v < 0.3), 'options low/high move the range');
  env.reset(1, { low: 0.5, high: 0.5 });
  t.same(Array.from(env.state), [0.5, 0.5, 0.5, 0.5], 'low == high pins the state');
  t.throws(() => env.reset(1, { low: 0.3, high: 0.2 }), /'low' \(0\.3\) must not exceed 'high' \(0\.2\)/);
  t.throws(() => env.reset(1, { low: 'x' }), /'low' must be a finite number/);
});

t.test('reset re-seeds only when given a seed', async (t) => {
  const env = new CartPole({ suttonBartoReward: false }, new Xoshiro128(3));
  const first = env.reset().obs;
  const twin = new CartPole({ suttonBartoReward: false }, new Xoshiro128(3));
  t.same(twin.reset().obs, first, 'an injected generator is the only source of randomness');
  t.not(env.reset().obs[0], first[0], 'an unseeded reset continues the stream');
});

t.test('make() validates its options', async (t) => {
  t.equal((makeCartPole({ sutton_barto_reward: true }) as CartPole).step(0).reward, 0.0);
  t.throws(() => makeCartPole({ sutton_barto_reward: 'yes' }), new InvalidOption(`CartPole-v1: option 'sutton_barto_reward' must be a boolean (true or false), got "yes"`));
  t.throws(() => makeCartPole({ gravity: 3 }), new InvalidOption(`CartPole-v1: unknown option 'gravity'; allowed options: sutton_barto_reward`));
});
