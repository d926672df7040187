// Batched values (proto/batch.ts): Discrete actions travel as int64 and come back as exact JS numbers, whatever
// their sign or size up to 2^53, read without a BigInt per element.

import t from 'tap';
import { stack, unstack, fromBatchNative, toBatchNative } from '../../proto/batch.js';
import { Discrete } from '../../proto/spaces.js';
import { setInt64, tensor, toNumbers } from '../../proto/tensor.js';

const EDGES = [0, 1, -1, 2 ** 31 - 1, -(2 ** 31), 2 ** 32, 2 ** 32 + 7, -(2 ** 32) - 5, 2 ** 53 - 1, -(2 ** 53 - 1)];

t.test('int64 elements read as numbers: signs, word boundaries and 2^53 - 1 exact', async (t) => {
  const data = BigInt64Array.from(EDGES.map(BigInt));
  t.same(toNumbers({ dtype: 'int64', shape: [EDGES.length], data }), EDGES);
  // A view at an offset into a larger buffer, as received bytes are.
  const big = new BigInt64Array(EDGES.length + 3);
  big.set(data, 3);
  t.same(toNumbers({ dtype: 'int64', shape: [EDGES.length], data: big.subarray(3) }), EDGES, 'a view at an offset');
  t.same(toNumbers({ dtype: 'int32', shape: [3], data: Int32Array.of(-2, 0, 9) }), [-2, 0, 9], 'other dtypes as they are');
});

t.test('numbers written as int64 words equal their BigInt; non-integers are refused', async (t) => {
  const d = new BigInt64Array(EDGES.length);
  setInt64(d, EDGES);
  t.same([...d], EDGES.map(BigInt));
  t.same([...tensor('int64', [2], [2 ** 60, -(2 ** 60)]).data], [2n ** 60n, -(2n ** 60n)], 'integers beyond 2^53 exactly');
  for (const bad of [1.5, NaN, Infinity]) t.throws(() => setInt64(new BigInt64Array(1), [bad]), /int64 values must be integers/, `${bad} refused`);
});

t.test('a batch of Discrete actions goes to int64 and back unchanged', async (t) => {
  const space = new Discrete(2 ** 40, -(2 ** 20));
  const actions = [-(2 ** 20), 0, 5, 2 ** 33 + 1, 2 ** 40 - 2 ** 20 - 1];
  const wire = fromBatchNative(space, actions, actions.length);
  t.equal((wire as { dtype: string }).dtype, 'int64');
  t.same(unstack(space, wire, actions.length), actions, 'server side');
  t.same(toBatchNative(space, stack(space, actions), actions.length), actions, 'client side');
});
