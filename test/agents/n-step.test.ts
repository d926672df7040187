// n-step returns against hand-computed sums.
import t from 'tap';
import { NStep } from '../../agent-client/agents/dqn/n-step.js';

t.test('3-step returns in the middle of an episode and at a terminal', (t) => {
  const g = 0.5;
  const ns = new NStep<number>(3, g);
  // Observations 0..4, rewards 1, 2, 4, 8; the episode terminates on entering 4.
  t.same(ns.push(0, 10, 1, 1, false, false), []);
  t.same(ns.push(1, 11, 2, 2, false, false), []);
  t.same(ns.push(2, 12, 4, 3, false, false), [{ obs: 0, action: 10, reward: 1 + 0.5 * 2 + 0.25 * 4, nextObs: 3, discount: 0.125 }]);
  t.same(ns.push(3, 13, 8, 4, true, false), [
    { obs: 1, action: 11, reward: 2 + 0.5 * 4 + 0.25 * 8, nextObs: 4, discount: 0 },
    { obs: 2, action: 12, reward: 4 + 0.5 * 8, nextObs: 4, discount: 0 },
    { obs: 3, action: 13, reward: 8, nextObs: 4, discount: 0 },
  ]);
  t.end();
});

t.test('truncation flushes with bootstrapping discounts; n = 1 is the one-step target', (t) => {
  const ns = new NStep<number>(3, 0.9);
  ns.push(0, 0, 1, 1, false, false);
  const out = ns.push(1, 1, 1, 2, false, true);
  t.same(out.map((e) => [e.obs, e.reward, e.nextObs, e.discount]), [
    [0, 1 + 0.9, 2, 0.9 ** 2],
    [1, 1, 2, 0.9],
  ]);
  const one = new NStep<number>(1, 0.9);
  t.same(one.push(5, 1, 3, 6, false, false), [{ obs: 5, action: 1, reward: 3, nextObs: 6, discount: 0.9 }]);
  t.throws(() => new NStep(0, 0.9), /integer >= 1/);
  t.end();
});
