// The min tree against a linear scan, and by hand.
import t from 'tap';
import { MinTree } from '../../agent-client/agents/dqn/min-tree.js';
import { Xoshiro128 } from '../../proto/rng.js';

t.test('the minimum matches a linear scan while slots are set and emptied', (t) => {
  const rng = new Xoshiro128(5);
  for (const capacity of [1, 5, 8, 13]) {
    const tree = new MinTree(capacity);
    const v = new Float64Array(capacity).fill(Infinity);
    let wrong = 0;
    for (let round = 0; round < 300; round++) {
      const i = rng.integer(capacity);
      v[i] = rng.random() < 0.3 ? Infinity : rng.random() * 10;
      tree.set(i, v[i]);
      if (tree.min !== Math.min(...v)) wrong++;
    }
    t.equal(wrong, 0, `${capacity} slots: the minimum after each of 300 updates`);
  }
  t.end();
});

t.test('hand-computed example and bad input', (t) => {
  const tree = new MinTree(3);
  t.equal(tree.min, Infinity, 'empty');
  [4, 2, 8].forEach((p, i) => tree.set(i, p));
  t.equal(tree.min, 2);
  tree.set(1, Infinity);
  t.equal(tree.min, 4, 'emptying the smallest slot');
  t.throws(() => tree.set(3, 1), /outside \[0, 3\)/);
  t.throws(() => tree.set(0, NaN), />= 0 \(Infinity for an empty slot\)/);
  t.end();
});
