// Replay batches against hand-built transitions: every field of a sampled batch is gathered on the device from the
// tensors add() filled, n-step returns included, and the ring buffer overwrites its oldest transition.
import t, { type Test } from 'tap';
import * as torch from '../../agent-client/torch/index.js';
import { Replay } from '../../agent-client/agents/dqn/replay.js';
import { CountingRng } from '../../agent-client/agents/common/rng.js';

const obs = (k: number) => Float32Array.of(k, -k);

/** What a batch row must be: obs k → action, n-step return, next obs, discount. */
interface Expected {
  action: number[];
  reward: number;
  next: number;
  discount: number;
}

function checkBatch(t: Test, replay: Replay, want: Map<number, Expected>, what: string): void {
  torch.tidy(() => {
    const b = replay.sample(32);
    for (const x of [b.obs, b.nextObs, b.actions, b.rewards, b.discounts]) t.equal(x.device, 'cpu');
    const o = b.obs.toArray();
    const n = b.nextObs.toArray();
    const a = b.actions.toArray();
    const r = b.rewards.toArray();
    const d = b.discounts.toArray();
    const seen = new Set<number>();
    const wrong: number[] = [];
    for (let i = 0; i < 32; i++) {
      const k = o[2 * i];
      seen.add(k);
      const e = want.get(k);
      const row = { obs: [o[2 * i], o[2 * i + 1]], action: a.slice(2 * i, 2 * i + 2), reward: r[i], next: [n[2 * i], n[2 * i + 1]], discount: d[i] };
      const expected = e && { obs: [k, -k], action: e.action, reward: e.reward, next: [e.next, -e.next], discount: e.discount };
      if (JSON.stringify(row) !== JSON.stringify(expected)) wrong.push(i);
    }
    t.same(wrong, [], `${what}: every row is one stored transition`);
    t.same([...seen].sort((x, y) => x - y), [...want.keys()].sort((x, y) => x - y), `${what}: 32 draws reach every live transition`);
  });
}

t.test('2-step transitions come back from the device as they were added; the oldest is overwritten', (t) => {
  const config = { capacity: 3, nStep: 2, gamma: 0.5, prioritized: null, frameStack: 1 };
  const replay = new Replay(config, { shape: [2], dtype: 'float32' }, 2, 'cpu', new CountingRng(7));
  replay.begin(obs(0));
  replay.add([1, 0.25], 1, obs(1), false, false);
  t.equal(replay.size, 0, 'nothing is complete after one step of a 2-step return');
  replay.add([2, 0.5], 2, obs(2), false, false);
  replay.add([3, 0.75], 4, obs(3), true, false);
  t.equal(replay.size, 3);
  // 1 + 0.5·2 to obs 2 with γ² = 0.25; then the terminal flushes 2 + 0.5·4 and 4, neither bootstrapping.
  const first = new Map<number, Expected>([
    [0, { action: [1, 0.25], reward: 2, next: 2, discount: 0.25 }],
    [1, { action: [2, 0.5], reward: 4, next: 3, discount: 0 }],
    [2, { action: [3, 0.75], reward: 4, next: 3, discount: 0 }],
  ]);
  checkBatch(t, replay, first, 'after a terminated episode');

  replay.begin(obs(10));
  replay.add([4, 1], 8, obs(11), false, true);
  t.equal(replay.size, 3, 'still full');
  first.delete(0);
  first.set(10, { action: [4, 1], reward: 8, next: 11, discount: 0.5 });
  checkBatch(t, replay, first, 'after a truncated one-step episode (bootstraps with γ)');
  replay.dispose();
  t.end();
});

t.test('prioritised importance weights are normalised by the largest weight in the buffer, not in the batch', (t) => {
  const config = { capacity: 4, nStep: 1, gamma: 0.9, prioritized: { alpha: 1, beta0: 0.4, betaSteps: 1, eps: 0.5 }, frameStack: 1 };
  const replay = new Replay(config, { shape: [2], dtype: 'float32' }, 1, 'cpu', new CountingRng(3));
  replay.begin(obs(0));
  for (let k = 1; k <= 4; k++) replay.add([0], 0, obs(k), false, false);
  // |δ| + eps = priorities 1, 2, 4, 8 for slots 0..3 (transitions from obs 0..3); α = 1.
  replay.updatePriorities(Int32Array.of(0, 1, 2, 3), Float32Array.of(0.5, 1.5, 3.5, 7.5));
  // N = 4, P = p/15: (N·P)^-1 = 15/4, 15/8, 15/16, 15/32; over the buffer's largest, 15/4: 1, 1/2, 1/4, 1/8.
  const check = (want: number[], obsBySlot: number[], what: string) => {
    let withoutSlot0 = 0;
    let wrong = 0;
    for (let draw = 0; draw < 20; draw++) {
      torch.tidy(() => {
        const b = replay.sample(2, 1);
        const w = b.weights.toArray();
        const o = b.obs.toArray();
        b.slots.forEach((s, i) => {
          if (w[i] !== want[s] || o[2 * i] !== obsBySlot[s]) wrong++;
        });
        if (want[b.slots[0]] !== 1 && want[b.slots[1]] !== 1) withoutSlot0++;
      });
    }
    t.equal(wrong, 0, `${what}: each weight is (p_i / p_min)^-β, by slot ${want.join(', ')}`);
    t.ok(withoutSlot0 > 0, `${what}: batches without the smallest priority keep weights below 1 (batch-max normalisation would give 1)`);
  };
  check([1, 0.5, 0.25, 0.125], [0, 1, 2, 3], 'full buffer');
  // A fifth transition overwrites slot 0 with the largest priority so far (8): the minimum is now slot 1's 2.
  replay.add([0], 0, obs(5), false, false);
  check([0.25, 1, 0.5, 0.25], [4, 1, 2, 3], 'after the smallest priority left');
  replay.dispose();
  t.end();
});
