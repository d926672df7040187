import t, { type Test } from 'tap';
import { Xoshiro128 } from '../../../proto/rng.js';
import type { RgbFrame } from '../../../env-server/envs/env.js';
import { CartPole } from '../../../env-server/envs/classic/cartpole.js';
import { type FrozenLake, RIGHT, makeFrozenLake, makeFrozenLake8x8 } from '../../../env-server/envs/classic/frozen-lake.js';
import { Platform } from '../../../env-server/envs/classic/platform.js';
import { StochasticDecisionProcess } from '../../../env-server/envs/classic/stochastic-decision-process.js';
import { ZeroNoiseRng } from './reference.js';

function pixel(f: RgbFrame, x: number, y: number): number[] {
  const i = (y * f.width + x) * 3;
  return Array.from(f.data.subarray(i, i + 3));
}

function checkSize(t: Test, f: RgbFrame, width: number, height: number, what: string): void {
  t.same([f.width, f.height, f.data.length], [width, height, width * height * 3], `${what} is ${width}x${height} RGB`);
}

const differs = (a: RgbFrame, b: RgbFrame): boolean => a.data.some((v, i) => v !== b.data[i]);

t.test('CartPole draws a 600x400 frame that follows the cart and pole', async (t) => {
  const env = new CartPole();
  env.setState([0, 0, 0, 0]);
  const centred = env.render();
  checkSize(t, centred, 600, 400, 'CartPole frame');
  t.same(pixel(centred, 280, 310), [0, 0, 0], 'the cart covers the centre at x = 0');
  t.same(pixel(centred, 300, 240), [202, 152, 101], 'the upright pole stands above the axle');
  t.same(pixel(centred, 10, 100), [255, 255, 255], 'the background is white');
  env.setState([1, 0, 0, 0]);
  const moved = env.render();
  t.same(pixel(moved, 280, 310), [255, 255, 255], 'the cart has left the centre at x = 1');
  t.same(pixel(moved, 405, 310), [0, 0, 0], 'and sits 125 pixels (one metre) to the right');
  env.setState([0, 0, 0.2, 0]);
  t.ok(differs(env.render(), centred), 'a tilted pole changes the frame');
});

t.test('FrozenLake draws 256x256 (4x4) and 512x512 (8x8) frames that follow the agent', async (t) => {
  const small = makeFrozenLake({ is_slippery: false }, new Xoshiro128(1)) as FrozenLake;
  small.reset();
  const before = small.render();
  checkSize(t, before, 256, 256, '4x4 frame');
  t.same(pixel(before, 32, 32), [220, 40, 40], 'the agent starts in the top-left cell');
  small.step(RIGHT);
  const after = small.render();
  t.notSame(pixel(after, 32, 32), [220, 40, 40], 'after moving right it has left that cell');
  t.same(pixel(after, 96, 32), [220, 40, 40], 'and stands in the next one');
  const large = makeFrozenLake8x8({}, new Xoshiro128(1)) as FrozenLake;
  large.reset();
  checkSize(t, large.render(), 512, 512, '8x8 frame');
  const custom = makeFrozenLake({ desc: ['SFFFFFFFFF', 'FFFFFFFFFG'] }) as FrozenLake;
  custom.reset();
  checkSize(t, custom.render(), 512, 128, 'a 2x10 custom map (cells capped at 512 pixels a side, as Gymnasium)');
});

t.test('Platform draws the 1035x300 window and DSDP a row of six cells; both change with the state', async (t) => {
  const platform = new Platform(new ZeroNoiseRng());
  platform.reset();
  const p0 = platform.render();
  checkSize(t, p0, 1035, 300, 'Platform frame');
  platform.step([0, [Float32Array.of(30), Float32Array.of(0), Float32Array.of(0)]]);
  t.ok(differs(platform.render(), p0), 'running moves the player');
  const dsdp = new StochasticDecisionProcess(new Xoshiro128(1));
  dsdp.reset();
  const d0 = dsdp.render();
  checkSize(t, d0, 384, 64, 'DSDP frame');
  dsdp.step(0);
  t.ok(differs(dsdp.render(), d0), 'moving left changes the frame');
});
