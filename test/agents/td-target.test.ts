// DQN's update against hand-worked numbers: TD targets for plain, double and n-step DQN through termination and
// truncation, the dueling combination, and prioritised replay's α and annealed β. Networks are set by hand so
// every Q value is known: the torso is the identity on 2-feature observations and heads are set weight by weight.
import t, { type Test } from 'tap';
import * as torch from '../../agent-client/torch/index.js';
import { QLearner } from '../../agent-client/agents/dqn/q-learner.js';
import { QNetwork } from '../../agent-client/agents/dqn/q-network.js';
import { Replay } from '../../agent-client/agents/dqn/replay.js';
import { torsoFor } from '../../agent-client/agents/common/networks.js';
import { CountingRng } from '../../agent-client/agents/common/rng.js';
import { DQN_DEFAULTS } from '../../agent-client/agents/dqn/config.js';

const ENCODING = { shape: [2], dtype: 'float32' as const, encode: (x: unknown) => x as Float32Array };
const obs = (k: number) => Float32Array.of(k, 10 - k);

function setParams(net: torch.nn.Module, values: Record<string, number[]>): void {
  const params = new Map(net.namedParameters());
  torch.noGrad(() => {
    for (const [name, v] of Object.entries(values)) {
      const p = params.get(name);
      if (!p) throw new Error(`no parameter ${name}; have ${[...params.keys()].join(', ')}`);
      torch.tidy(() => p.copy_(torch.tensor(Float32Array.from(v), { shape: p.shape })));
    }
  });
}

/** Two episodes through replay: 0→1→2→3→4 terminated (rewards 1, 2, 3, 4), then 6→7→8 truncated (rewards 1, 1). */
function learnerWithEpisodes(nStep: number, double: boolean): QLearner {
  const config = { ...DQN_DEFAULTS, gamma: 0.5, nStep, double, hidden: [], bufferSize: 16 };
  const learner = new QLearner(config, ENCODING, 2, 'cpu', new CountingRng(1));
  // Target net: Q_t(s) = [s0, s1]; online net: Q(s) = [s1, s0]. For s = obs(k) = [k, 10 - k] the target's greedy
  // value is max(k, 10 - k); the online net's argmax picks the other action, so double DQN's value is min(k, 10 - k).
  setParams(learner.target, { 'head.weight': [1, 0, 0, 1], 'head.bias': [0, 0] });
  setParams(learner.q, { 'head.weight': [0, 1, 1, 0], 'head.bias': [0, 0] });
  const r = learner.replay;
  r.begin(obs(0));
  [1, 2, 3, 4].forEach((reward, i) => r.add([0], reward, obs(i + 1), i === 3, false));
  r.begin(obs(6));
  r.add([0], 1, obs(7), false, false);
  r.add([0], 1, obs(8), false, true);
  return learner;
}

function checkTargets(t: Test, learner: QLearner, want: Record<number, number>, what: string): void {
  torch.tidy(() => {
    const b = learner.replay.sample(64);
    const firsts = b.obs.toArray();
    const got = learner.targets(b).toArray();
    const byObs: Record<number, number> = {};
    for (let i = 0; i < 64; i++) byObs[firsts[2 * i]] = got[i];
    t.same(byObs, want, what);
  });
  learner.dispose();
}

t.test('1-step TD targets: r + γ max Q_t(s′), no bootstrap after termination, bootstrap after truncation', (t) => {
  // γ = 0.5. From 0: 1 + 0.5·max(1, 9) = 5.5; from 1: 2 + 0.5·8 = 6; from 2: 3 + 0.5·7 = 6.5; from 3: 4 (terminated);
  // from 6: 1 + 0.5·7 = 4.5; from 7: 1 + 0.5·8 = 5 (truncated: still bootstraps).
  checkTargets(t, learnerWithEpisodes(1, false), { 0: 5.5, 1: 6, 2: 6.5, 3: 4, 6: 4.5, 7: 5 }, 'plain DQN');
  // Double DQN: the online net's argmax, valued by the target net: from 0: 1 + 0.5·1 = 1.5; from 1: 2 + 0.5·2 = 3;
  // from 2: 3 + 0.5·3 = 4.5; from 3: 4; from 6: 1 + 0.5·3 = 2.5; from 7: 1 + 0.5·2 = 2.
  checkTargets(t, learnerWithEpisodes(1, true), { 0: 1.5, 1: 3, 2: 4.5, 3: 4, 6: 2.5, 7: 2 }, 'double DQN');
  t.end();
});

t.test('3-step TD targets: discounted reward sums, γ³ bootstrap, shorter sums at episode ends', (t) => {
  // From 0: 1 + 0.5·2 + 0.25·3 = 2.75, then γ³ = 0.125 times the value of obs 3: max(3, 7) = 7 → 3.625.
  // From 1: 2 + 0.5·3 + 0.25·4 = 4.5, ending at the terminal obs 4: no bootstrap.
  // From 2: 3 + 0.5·4 = 5; from 3: 4. From 6 (truncated at 8): 1 + 0.5·1 = 1.5 + 0.25·max(8, 2) = 3.5; from 7: 1 + 0.5·8 = 5.
  checkTargets(t, learnerWithEpisodes(3, false), { 0: 3.625, 1: 4.5, 2: 5, 3: 4, 6: 3.5, 7: 5 }, 'plain 3-step');
  // Double: from 0: 2.75 + 0.125·3 = 3.125; from 6: 1.5 + 0.25·2 = 2; from 7: 1 + 0.5·2 = 2.
  checkTargets(t, learnerWithEpisodes(3, true), { 0: 3.125, 1: 4.5, 2: 5, 3: 4, 6: 2, 7: 2 }, 'double 3-step');
  t.end();
});

t.test('dueling head: Q = V + A − mean A', (t) => {
  const net = new QNetwork(torsoFor(ENCODING, []), 3, true);
  // V(x) = relu(x0) + relu(x1) + 0.5; A(x) = [x0, x1, x0 + x1 − 3] for positive x.
  setParams(net, {
    'value.0.weight': [1, 0, 0, 1], 'value.0.bias': [0, 0], 'value.2.weight': [1, 1], 'value.2.bias': [0.5],
    'advantage.0.weight': [1, 0, 0, 1], 'advantage.0.bias': [0, 0], 'advantage.2.weight': [1, 0, 0, 1, 1, 1], 'advantage.2.bias': [0, 0, -3],
  });
  // x = [1, 2]: V = 3.5, A = [1, 2, 0] with mean 1, so Q = 3.5 + [0, 1, −1].
  const q = torch.tidy(() => torch.noGrad(() => net.forward(torch.tensor(Float32Array.of(1, 2), { shape: [1, 2] })).toArray()));
  t.same([...q], [3.5, 4.5, 2.5]);
  net.dispose();
  // The Gravitar notebook's streams: the value is one linear layer on the torso, the advantage keeps its hidden layer.
  const notebook = new QNetwork(torsoFor(ENCODING, []), 3, true, { advantage: [2], value: [] });
  t.same(notebook.namedParameters().map(([n]) => n).filter((n) => n.startsWith('value')), ['value.0.weight', 'value.0.bias']);
  setParams(notebook, {
    'value.0.weight': [1, 1], 'value.0.bias': [0.5],
    'advantage.0.weight': [1, 0, 0, 1], 'advantage.0.bias': [0, 0], 'advantage.2.weight': [1, 0, 0, 1, 1, 1], 'advantage.2.bias': [0, 0, -3],
  });
  const q2 = torch.tidy(() => torch.noGrad(() => notebook.forward(torch.tensor(Float32Array.of(1, 2), { shape: [1, 2] })).toArray()));
  t.same([...q2], [3.5, 4.5, 2.5], 'V = x0 + x1 + 0.5 directly');
  notebook.dispose();
  t.end();
});

t.test('prioritised replay: priorities are (|δ| + ε)^α, and β anneals linearly to 1 in the update', (t) => {
  const prioritized = { alpha: 0.5, beta0: 0.4, betaSteps: 100, eps: 1 };
  const replay = new Replay({ capacity: 4, nStep: 1, gamma: 0.9, prioritized, frameStack: 1 }, ENCODING, 1, 'cpu', new CountingRng(5));
  replay.begin(obs(0));
  for (let k = 1; k <= 4; k++) replay.add([0], 0, obs(k), false, false);
  // |δ| + 1 = 4, 9, 16, 1; to the power α = 0.5: 2, 3, 4, 1. With β = 0.5 the weights (p_i^α / p_min^α)^-β are
  // 2^-0.5, 3^-0.5, 4^-0.5 = 0.5 and 1.
  replay.updatePriorities(Int32Array.of(0, 1, 2, 3), Float32Array.of(-3, 8, 15, 0));
  const weightsBySlot = () => {
    const out: Record<number, number> = {};
    for (let i = 0; i < 10; i++) {
      torch.tidy(() => {
        const b = replay.sample(4, 0.5);
        const w = b.weights.toArray();
        b.slots.forEach((s, j) => (out[s] = Math.round(w[j] * 1e6) / 1e6));
      });
    }
    return out;
  };
  t.same(weightsBySlot(), { 0: 0.707107, 1: 0.57735, 2: 0.5, 3: 1 }, 'weights from priorities^α');
  // A new transition gets the largest priority seen (16), to the power α: 4, so weight 0.5.
  replay.add([0], 0, obs(5), false, false);
  t.same(weightsBySlot(), { 0: 0.5, 1: 0.57735, 2: 0.5, 3: 1 }, 'a new transition enters at the largest priority^α');
  replay.dispose();

  const learner = new QLearner({ ...DQN_DEFAULTS, hidden: [], bufferSize: 8, batchSize: 2, prioritized }, ENCODING, 2, 'cpu', new CountingRng(1));
  t.same([0, 50, 100, 400].map((s) => learner.beta(s)), [0.4, 0.7, 1, 1], 'β from β0 = 0.4 to 1 over 100 steps');
  const used: number[] = [];
  const sample = learner.replay.sample.bind(learner.replay);
  learner.replay.sample = (n, beta) => (used.push(beta!), sample(n, beta));
  learner.replay.begin(obs(0));
  for (let k = 1; k <= 3; k++) learner.replay.add([0], 0, obs(k), false, false);
  learner.learn(50);
  learner.learn(75);
  t.same(used, [0.7, 0.85], 'learn(step) samples with the annealed β');
  learner.dispose();
  t.end();
});
