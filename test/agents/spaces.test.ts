// How agents see spaces: observation encodings and the discretised parameterised actions, by hand.
import t from 'tap';
import { Box, Discrete, Tuple } from '../../proto/spaces.js';
import { encodingFor } from '../../agent-client/agents/common/encoding.js';
import { discreteActions, parameterised } from '../../agent-client/agents/common/actions.js';

const platformActions = new Tuple([new Discrete(3), new Tuple([30, 720, 430].map((hi) => new Box(0, hi, [1], 'float32')))]);

t.test('encodings: one-hot, flattened boxes, chosen tuple items, uint8 frames', (t) => {
  t.same(Array.from(encodingFor(new Discrete(4, 1)).encode(3) as Float32Array), [0, 0, 1, 0], 'Discrete(4, start=1) value 3');
  const tuple = new Tuple([new Box(0, 1, [2], 'float64'), new Discrete(3)]);
  t.same(Array.from(encodingFor(tuple).encode([Float64Array.of(0.25, 0.5), 2]) as Float32Array), [0.25, 0.5, 0, 0, 1]);
  t.same(encodingFor(tuple, [0]).shape, [2], 'only the Box item');
  const frames = encodingFor(new Box(0, 255, [4, 40, 40], 'uint8'));
  t.same([frames.shape, frames.dtype], [[4, 40, 40], 'uint8']);
  t.throws(() => encodingFor(tuple, [2]), /observation item 2 does not exist/);
  t.throws(() => encodingFor(new Discrete(3), [0]), /is not a Tuple/);
  t.end();
});

t.test('Platform actions: parameters from [-1, 1] onto the bounds, and 3 × 5 discretised actions', (t) => {
  const p = parameterised(platformActions)!;
  t.same([p.kinds, p.size, p.offsets], [3, 3, [0, 1, 2]]);
  t.same(Array.from(p.fromUnit([-1, 0, 1])), [0, 360, 430]);
  const d = discreteActions(platformActions, 5);
  t.equal(d.n, 15);
  const a = d.toEnv(7) as [number, Float32Array[]];
  t.same([a[0], Array.from(a[1][1])], [1, [360]], 'index 7 is HOP with the middle of [0, 720]');
  t.equal(d.fromEnv(d.toEnv(12)), 12);
  t.throws(() => d.fromEnv([0, [Float32Array.of(1), Float32Array.of(0), Float32Array.of(0)]]), /not one of the 15 discretised actions/);
  t.throws(() => discreteActions(new Box(0, 1, [2]), 5), /cannot act in Box/);
  t.end();
});
