// ale-py's seeding draws, against values printed by NumPy 2.4 (np.random.SeedSequence(seed).generate_state(2) and
// np.random.Generator(np.random.PCG64(np_seed)).integers(...)), and the env's use of them.

import t from 'tap';
import { Pcg64, SeedSequence } from '../../env-server/envs/atari/numpy-random.js';
import { atariRegistry, romSkip } from './shared.js';

// seed → [np_seed, ale_seed], 8 x integers(1, 31), then 8 x integers(2, 5), then one raw 64-bit output.
const NUMPY: Record<string, [number[], number[], number[], string]> = {
  '0': [[2968811710, 3677149159], [22, 1, 1, 30, 12, 24, 3, 3], [3, 2, 4, 3, 2, 3, 2, 3], '2396245975252756377'],
  '42': [[3444837047, 2669555309], [11, 29, 18, 22, 1, 15, 11, 27], [2, 3, 3, 4, 2, 3, 4, 4], '9321868917050824572'],
  '4294967301': [[3796490668, 4190198742], [3, 13, 21, 8, 4, 18, 22, 11], [3, 2, 3, 4, 3, 4, 3, 4], '8458244460149162469'],
  '9007199254740991': [[3367776697, 1170575226], [23, 12, 4, 22, 12, 18, 20, 29], [2, 3, 4, 2, 2, 3, 2, 2], '7573524029513082578'],
};

t.test('SeedSequence and PCG64 integers match NumPy', async (t) => {
  for (const [seed, [state, noops, skips, raw]] of Object.entries(NUMPY)) {
    const st = new SeedSequence(BigInt(seed)).generateState(2);
    t.same(Array.from(st), state, `seed ${seed}: generate_state(2)`);
    const g = new Pcg64(st[0]);
    t.same(Array.from({ length: 8 }, () => g.integers(1, 31)), noops, `seed ${seed}: integers(1, 31)`);
    t.same(Array.from({ length: 8 }, () => g.integers(2, 5)), skips, `seed ${seed}: integers(2, 5)`);
    t.equal(g.next64().toString(), raw, `seed ${seed}: next raw output`);
  }
});

t.test('reset(seed) draws the no-op count and stochastic frameskips as ale-py does', { skip: romSkip }, async (t) => {
  const reg = atariRegistry();
  // NumPy: seed 0 → first integers(1, 31) = 22; seed 42 → 11. Reset frames do not count in episode frames.
  for (const [seed, noops] of [[0, 22], [42, 11]]) {
    const r = reg.make('ALE/Pong-v5', { preprocess: true }).reset(seed);
    t.equal(r.info.episode_frame_number, BigInt(noops), `seed ${seed}: ${noops} no-op frames`);
  }
  // Gravitar-v0, seed 42: integers(2, 5) from a fresh generator gives 3, 4, 3, 4, 2, 3, ...
  const env = reg.make('Gravitar-v0', {});
  let frame = Number(env.reset(42).info.frame_number);
  const skips: number[] = [];
  for (let i = 0; i < 6; i++) {
    const f = Number(env.step(0).info.frame_number);
    skips.push(f - frame);
    frame = f;
  }
  t.same(skips, [3, 4, 3, 4, 2, 3]);
});
