// The sum tree against brute-force prefix sums.
import t from 'tap';
import { SumTree } from '../../agent-client/agents/dqn/sum-tree.js';
import { Xoshiro128 } from '../../proto/rng.js';

t.test('totals and prefix-sum search match a linear scan', (t) => {
  const rng = new Xoshiro128(3);
  for (const capacity of [1, 5, 8, 13]) {
    const tree = new SumTree(capacity);
    const p = new Float64Array(capacity);
    for (let round = 0; round < 200; round++) {
      const i = rng.integer(capacity);
      p[i] = rng.random() < 0.2 ? 0 : rng.random() * 10;
      tree.set(i, p[i]);
    }
    const total = p.reduce((a, b) => a + b, 0);
    t.ok(Math.abs(tree.total - total) < 1e-9, `total of ${capacity} leaves`);
    for (let k = 0; k < 100; k++) {
      const mass = rng.random() * total;
      let acc = 0;
      let want = 0;
      for (; want < capacity; want++) {
        if (mass < acc + p[want]) break;
        acc += p[want];
      }
      t.equal(tree.find(mass), want, `mass ${mass.toFixed(3)} of ${total.toFixed(3)} falls in leaf ${want}`);
      t.ok(p[tree.find(mass)] > 0, 'never lands on a zero-priority leaf');
    }
  }
  t.end();
});

t.test('hand-computed example and bad input', (t) => {
  const tree = new SumTree(4);
  [1, 0, 3, 2].forEach((p, i) => tree.set(i, p));
  t.equal(tree.total, 6);
  t.same([0, 0.99, 1, 3.99, 4, 5.99, 6].map((m) => tree.find(m)), [0, 0, 2, 2, 3, 3, 3]);
  t.throws(() => tree.set(4, 1), /outside \[0, 4\)/);
  t.throws(() => tree.set(0, -1), /finite and >= 0/);
  t.end();
});
