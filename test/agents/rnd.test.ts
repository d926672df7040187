// One RND update against hand-worked numbers: the intrinsic reward z-scored over a window of recent errors and
// clipped, the reward mix in the TD target, and the predictor trained on exactly the masked rows of a batch.
// Target and predictor are single linear layers set by hand: f(x) = x0 and f̂(x) = 0, so the error of x is x0².
import t from 'tap';
import * as torch from '../../agent-client/torch/index.js';
import { RND, RND_DEFAULTS, type RNDConfig } from '../../agent-client/agents/rnd/rnd.js';
import { QLearner } from '../../agent-client/agents/dqn/q-learner.js';
import { DQN_DEFAULTS } from '../../agent-client/agents/dqn/config.js';
import { CountingRng } from '../../agent-client/agents/common/rng.js';

const ENCODING = { shape: [2], dtype: 'float32' as const };
const CONFIG: RNDConfig = { ...RND_DEFAULTS, features: 1, targetHidden: [], predictorHidden: [], normaliseObs: false, rewardWindow: 1000, rewardClip: 1.2, extrinsicWeight: 1 / 500, intrinsicWeight: 1 / 500 };

function handSetRnd(seed: number, config = CONFIG): RND {
  const rnd = new RND(config, ENCODING, 'cpu', new CountingRng(seed));
  torch.noGrad(() => {
    const [tw, tb] = rnd.target.parameters();
    const [pw, pb] = rnd.predictor.parameters();
    tw.copy_(torch.tensor(Float32Array.of(1, 0), { shape: [1, 2] }));
    for (const p of [tb, pw, pb]) p.fill_(0);
  });
  return rnd;
}

const batch = (x0: number[], x1: number[] = x0.map(() => 0)) => torch.tensor(Float32Array.from(x0.flatMap((v, i) => [v, x1[i]])), { shape: [x0.length, 2] });
const round = (xs: ArrayLike<number>) => Array.from(xs, (x) => Math.round(x * 1e6) / 1e6);

t.test('intrinsic reward: error z-scored over the recent window, clipped to ±rewardClip', (t) => {
  const rnd = handSetRnd(1);
  torch.tidy(() => {
    // Errors 1, 4, 9: mean 14/3, population std 3.299832; z = −1.111168, −0.202031, 1.313198, the last clipped to 1.2.
    t.same(round(rnd.reward(batch([1, 2, 3])).toArray()), [-1.111168, -0.20203, 1.2]);
    t.same(round([rnd.metrics().intrinsic_raw]), [4.666667], 'the raw (unnormalised) error is reported too');
    // The window now holds 1, 4, 9, 16: z of 16 is (16 − 7.5) / 5.678908 = 1.496767, clipped to 1.2.
    t.same(round(rnd.reward(batch([4])).toArray()), [1.2]);
  });
  rnd.dispose();
  const small = handSetRnd(1, { ...CONFIG, rewardWindow: 3, rewardClip: 5 });
  torch.tidy(() => {
    small.reward(batch([1, 2, 3]));
    // A window of 3 keeps only the errors 4, 9 and 16: mean 29/3, std 4.921608, so z(16) = 1.286842.
    t.same(round(small.reward(batch([4])).toArray()), [1.286842], 'only the last rewardWindow errors count');
  });
  small.dispose();
  t.end();
});

t.test('the TD target mixes extrinsic/500 and normalised intrinsic/500', (t) => {
  const rnd = handSetRnd(1);
  const learner = new QLearner({ ...DQN_DEFAULTS, hidden: [], bufferSize: 4 }, ENCODING, 2, 'cpu', new CountingRng(1));
  torch.tidy(() => {
    // Terminal transitions (discount 0): (r + z) / 500 with z from the first test's errors 1, 4, 9.
    const target = learner.targets({ rewards: torch.tensor(Float32Array.of(1, 0, -1)), discounts: torch.zeros([3]), nextObs: batch([1, 2, 3]) }, rnd);
    t.same(round(target.toArray()), round([(1 - 1.111168) / 500, -0.20203 / 500, (-1 + 1.2) / 500]));
  });
  learner.dispose();
  rnd.dispose();
  t.end();
});

t.test('the predictor trains on the masked quarter of the batch only; the target stays fixed', (t) => {
  const seed = 3;
  const draws = new CountingRng(seed);
  const mask = Array.from({ length: 8 }, () => draws.random() < 0.25);
  t.ok(mask.some((m) => m) && mask.some((m) => !m), `seed ${seed} keeps some rows and drops others: ${mask.map(Number).join('')}`);
  const x0 = [1, 2, 3, 4, 5, 6, 7, 8];
  const kept = x0.filter((_, i) => mask[i]);
  const a = handSetRnd(seed);
  const b = handSetRnd(seed);
  torch.tidy(() => {
    a.train(batch(x0));
    // The loss is the mean error x0² over the kept rows.
    t.same(round([a.metrics().rnd_loss]), round([kept.reduce((s, v) => s + v * v, 0) / kept.length]), 'loss over the kept rows');
    // Same kept rows, different dropped rows (and a second feature only there): the same update.
    b.train(batch(x0.map((v, i) => (mask[i] ? v : 100 + v)), x0.map((_, i) => (mask[i] ? 0 : 50))));
    const pa = a.predictor.parameters().map((p) => [...p.toArray()]);
    t.same(pa, b.predictor.parameters().map((p) => [...p.toArray()]), 'dropped rows give no gradient');
    // One Adam step from f̂ = 0 moves the x0 weight by +lr (its gradient is negative) and leaves the x1 weight.
    t.same(round(pa[0]), [1e-4, 0], 'the predictor learned (its loss is not detached)');
    t.same([...a.target.parameters()[0].toArray()], [1, 0], 'the target network is fixed');
  });
  a.dispose();
  b.dispose();
  t.end();
});
