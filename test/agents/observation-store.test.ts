// Frame-deduplicated observation storage: what goes in comes back, continuing stacks cost one frame each, and
// observations whose frames were overwritten are reported broken.
import t from 'tap';
import * as torch from '../../agent-client/torch/index.js';
import { ObservationStore } from '../../agent-client/agents/dqn/observation-store.js';

/** A stack of k 2x2 frames whose frame j is filled with value v0 + j. */
function stackOf(k: number, v0: number): Uint8Array {
  const out = new Uint8Array(k * 4);
  for (let j = 0; j < k; j++) out.fill(v0 + j, j * 4, (j + 1) * 4);
  return out;
}

/** Ids as the int64 tensor gather() takes. */
function ids64(ids: number[]): torch.Tensor {
  return torch.tensor(BigInt64Array.from(ids, (i) => BigInt(i)));
}

t.test('stacked observations are stored one new frame per continuing step', (t) => {
  const store = new ObservationStore([3, 2, 2], 'uint8', 3, 8, 'cpu');
  const obs = [stackOf(3, 10), stackOf(3, 11), stackOf(3, 12)];
  const ids = [store.put(obs[0], false), store.put(obs[1], true), store.put(obs[2], true)];
  t.same(ids, [2, 3, 4], 'a reset writes 3 frames, each continuing step 1');
  const reset = stackOf(3, 50);
  const rid = store.put(reset, false);
  t.equal(rid, 7, 'a new episode writes its whole stack');
  torch.tidy(() => {
    const got = store.gather(ids64([ids[0], ids[2], rid]));
    t.same(got.shape, [3, 3, 2, 2]);
    t.same(Array.from(got.data() as Uint8Array), [...obs[0], ...obs[2], ...reset]);
  });
  const wrong = stackOf(3, 90);
  t.equal(store.put(wrong, true), 10, 'a "continuing" stack that does not overlap is stored whole');
  torch.tidy(() => t.same(Array.from(store.gather(ids64([10])).data() as Uint8Array), [...wrong], 'serials 8..10 wrap around to slots 0..2'));
  t.notOk(store.intact(ids[0]), 'frames 0..2 were overwritten by frames 8..10');
  t.ok(store.intact(rid));
  t.end();
});

t.test('vectors (k = 1) are stored once each', (t) => {
  const store = new ObservationStore([3], 'float32', 1, 4, 'cpu');
  const ids = [0, 1, 2, 3, 4].map((i) => store.put(Float32Array.of(i, i + 0.5, -i), i > 0));
  t.same(ids, [0, 1, 2, 3, 4]);
  torch.tidy(() => t.same(Array.from(store.gather(ids64([4, 1])).data() as Float32Array), [4, 4.5, -4, 1, 1.5, -1]));
  t.notOk(store.intact(0));
  t.ok(store.intact(1));
  t.throws(() => new ObservationStore([4, 2], 'uint8', 3, 4, 'cpu'), /stack of 3 frames needs observations of shape \[3/);
  t.end();
});
