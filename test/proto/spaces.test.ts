// Spaces against hand-worked cases: membership, sampling within bounds, and specs that survive the wire.

import t from 'tap';
import { Box, Dict, Discrete, MultiBinary, MultiDiscrete, Tuple, spaceFromSpec } from '../../proto/spaces.js';
import { spaceFromProto, spaceToProto } from '../../proto/codec.js';
import { Xoshiro128 } from '../../proto/rng.js';

const wire = (s: { spec(): never } | Box | Tuple) => spaceFromSpec(spaceFromProto(spaceToProto((s as Box).spec())));

t.test('uniform Box bounds travel as one value and come back whole', async (t) => {
  const frame = new Box(0, 255, [210, 160, 3], 'uint8');
  const spec = frame.spec() as { box: { low: number[]; high: number[] } };
  t.same([spec.box.low, spec.box.high], [[0], [255]], 'one value each for 100,800 elements');
  const back = wire(frame) as Box;
  t.equal(back.low.length, 100800);
  t.ok(back.low.every((x) => x === 0) && back.high.every((x) => x === 255));
  const mixed = new Box([-1, -Infinity], [1, Infinity], [2], 'float64');
  t.same((mixed.spec() as { box: { low: number[] } }).box.low, [-1, -Infinity], 'differing bounds stay per element');
  t.same(Array.from((wire(mixed) as Box).high), [1, Infinity]);
  t.throws(() => new Box([0, 0], [1, 1, 1], [3]), /Box low has 2 values; the shape needs 3/);
});

t.test('membership says what is wrong', async (t) => {
  const d = new Discrete(3, 1);
  t.equal(d.check(1), null);
  t.match(d.check(4), /\[1, 3\]/);
  const b = new Box(0, 1, [2]);
  t.equal(b.check(Float32Array.of(0, 1)), null);
  t.match(b.check(Float32Array.of(0, NaN)), /element 1 is NaN/);
  t.match(b.check(Float64Array.of(0, 0)), /float32 values.*Float64Array/);
  t.match(new MultiBinary(2).check(Int8Array.of(0, 2)), /only 0 and 1/);
  t.match(new MultiDiscrete([2, 3]).check(BigInt64Array.of(1n, 3n)), /element 1 is 3, outside \[0, 2\]/);
  const tup = new Tuple([d, new Dict({ x: b })]);
  t.match(tup.check([1, { x: Float32Array.of(2, 0) }]), /item 1: key 'x': element 0 is 2/);
});

t.test('samples are members, and a seeded space repeats its samples', async (t) => {
  const spaces = [new Discrete(5, -2), new Box(-1, 1, [3]), new Box(-Infinity, Infinity, [2], 'float64'), new Box(0, 9, [4], 'int32'), new MultiDiscrete([2, 7]), new MultiBinary([2, 2])];
  const rng = new Xoshiro128(3);
  for (const s of spaces) for (let i = 0; i < 200; i++) t.equal(s.check(s.sample(rng)), null, `${s} sample ${i}`);
  const a = new Discrete(1000);
  const b = new Discrete(1000);
  a.seed(9);
  b.seed(9);
  t.same(Array.from({ length: 5 }, () => a.sample()), Array.from({ length: 5 }, () => b.sample()));
});
