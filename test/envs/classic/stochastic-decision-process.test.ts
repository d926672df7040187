import t from 'tap';
import { Xoshiro128 } from '../../../proto/rng.js';
import {
  LEFT,
  RIGHT,
  StochasticDecisionProcess,
  makeStochasticDecisionProcess,
  stochasticDecisionProcessInfo,
} from '../../../env-server/envs/classic/stochastic-decision-process.js';
import { InvalidOption } from '../../../env-server/envs/env.js';
import { ReplayRng, loadReference, withinFourSigma } from './reference.js';

type Step = [action: number, next: number, reward: number, done: boolean, u: number | null];
interface Statistics {
  expected_return: number;
  expected_length: number;
  p_visit_s6: number;
}
interface DsdpRef {
  P: { table: Record<string, Record<string, [number, number, boolean][]>> };
  exact_statistics: { undiscounted: Record<string, Statistics> };
  replay_trajectories: { reset_obs: number[]; steps: Step[]; length: number }[];
}

const { ref, skip } = loadReference<DsdpRef>('dsdp.json');
const oneHot = (s: number): number[] => [1, 2, 3, 4, 5, 6].map((k) => (k === s ? 1 : 0));

t.test('the transition table equals the reference P', { skip }, async (t) => {
  const P = StochasticDecisionProcess.transitions();
  for (const [s, row] of Object.entries(ref!.P.table)) {
    for (const [a, outcomes] of Object.entries(row)) t.strictSame(P[Number(s)][Number(a)], outcomes, `P[${s}][${a}]`);
  }
  t.equal(P.length - 1, Object.keys(ref!.P.table).length, 'no extra states');
});

t.test('recorded episodes replay from their uniforms, one per right step', { skip }, async (t) => {
  ref!.replay_trajectories.forEach((ep, k) => {
    const uniforms = ep.steps.map((s) => s[4]).filter((u): u is number => u !== null);
    const rng = new ReplayRng(uniforms);
    const env = new StochasticDecisionProcess(rng);
    t.same(Array.from(env.reset().obs), ep.reset_obs, `episode ${k} reset`);
    const got = ep.steps.map(([a, , , , u]): Step => {
      const r = env.step(a);
      t.ok(r.obs instanceof Float64Array, 'obs is float64');
      t.same(Array.from(r.obs), oneHot(env.state), 'obs is the one-hot state');
      return [a, env.state, r.reward, r.terminated, u];
    });
    t.strictSame(got, ep.steps, `episode ${k}: ${ep.length} steps`);
    t.equal(rng.uniformsUsed, uniforms.length, `episode ${k} used every uniform and no more`);
  });
});

t.test('Monte Carlo with our generator agrees with the exact statistics', { skip }, async (t) => {
  const rng = new Xoshiro128(606);
  const env = new StochasticDecisionProcess(rng);
  const policies: [string, (s: number, visited: boolean) => number][] = [
    ['always_right', () => RIGHT],
    ['uniform_random', () => (rng.random() < 0.5 ? LEFT : RIGHT)],
    ['right_until_s6_then_left', (_s, visited) => (visited ? LEFT : RIGHT)],
  ];
  const n = 20000;
  for (const [name, policy] of policies) {
    const returns: number[] = [];
    const lengths: number[] = [];
    let visits = 0;
    for (let e = 0; e < n; e++) {
      env.reset();
      let visited = false;
      let ret = 0;
      let len = 0;
      for (let done = false; !done; len++) {
        const r = env.step(policy(env.state, visited));
        visited ||= env.state === 6;
        ret += r.reward;
        done = r.terminated;
      }
      if (visited) visits++;
      returns.push(ret);
      lengths.push(len);
    }
    const exact = ref!.exact_statistics.undiscounted[name];
    for (const [what, xs, mu] of [['return', returns, exact.expected_return], ['length', lengths, exact.expected_length]] as const) {
      const mean = xs.reduce((a, b) => a + b, 0) / n;
      const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
      withinFourSigma(t, mean, mu, sd / Math.sqrt(n), `${name} mean ${what}`);
    }
    const p = exact.p_visit_s6;
    withinFourSigma(t, visits / n, p, Math.sqrt((p * (1 - p)) / n), `${name} P(visit s6)`);
  }
});

t.test('at s1 the episode stays done and pays again, with no draw', async (t) => {
  const rng = new ReplayRng([]);
  const env = new StochasticDecisionProcess(rng);
  env.reset();
  t.same(env.step(LEFT), { obs: Float64Array.from(oneHot(1)), reward: 0.01, terminated: true, truncated: false, info: {} });
  t.same(env.step(RIGHT), { obs: Float64Array.from(oneHot(1)), reward: 0.01, terminated: true, truncated: false, info: {} });
  t.equal(rng.uniformsUsed, 0);
});

t.test('right at s6 always goes back to s5 but still draws', async (t) => {
  // u = 0.1 succeeds three times (s2 -> s5), the fourth reaches s6, then u = 0.0 at s6 still fails.
  const rng = new ReplayRng([0.1, 0.1, 0.1, 0.1, 0.0]);
  const env = new StochasticDecisionProcess(rng);
  env.reset();
  for (let i = 0; i < 4; i++) env.step(RIGHT);
  t.equal(env.state, 6);
  env.step(RIGHT);
  t.equal(env.state, 5);
  t.equal(rng.uniformsUsed, 5);
  for (let s = 5; s > 2; s--) env.step(LEFT);
  t.equal(env.step(LEFT).reward, 1.0, 'reaching s1 after visiting s6 pays 1');
});

t.test('registration: no step limit, no options', async (t) => {
  t.equal(stochasticDecisionProcessInfo.maxEpisodeSteps, undefined);
  t.ok(makeStochasticDecisionProcess({}) instanceof StochasticDecisionProcess);
  t.throws(() => makeStochasticDecisionProcess({ p_right: 0.7 }), new InvalidOption(`StochasticDecisionProcess-v0: unknown option 'p_right'; it takes no options`));
});
