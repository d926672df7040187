// AtariEnv and AtariPreprocessing size everything from the loaded game's screen: a PAL cart (our
// test/ale/roms/pal-rows.asm, 250 rows, each its own colour, played as a game through machine-test.wasm) gets
// 250-row observations and renders, and its preprocessed observation is the 84x84 area shrink of all 250 rows.
import t from 'tap';
import { AtariEnv } from '../../env-server/envs/atari/atari-env.js';
import { AtariPreprocessing } from '../../env-server/envs/atari/preprocessing.js';
import type { AtariGame } from '../../env-server/envs/atari/games.js';
import type { AtariOptions, PreprocessOptions } from '../../env-server/envs/atari/options.js';
import { PAL_PALETTE } from '../../env-server/ale/palette.js';
import { machineModule } from '../ale/machine.js';
import { assemble, dasmSkip as skip } from '../ale/dasm.js';
import { areaMean } from './shared.js';

const game: AtariGame = {
  rom: 'pal_rows', name: 'PalRows', md5: '', minimalActions: Array.from({ length: 18 }, (_, a) => a), modes: [0], defaultMode: 0,
  difficulties: [0], defaultDifficulty: 0, screenHeight: 250, deterministicFrameskip: 4,
};
const opts: AtariOptions = {
  obsType: 'rgb', frameskip: 1, repeatActionProbability: 0, fullActionSpace: false, maxNumFramesPerEpisode: 0, mode: null, difficulty: null,
};
const preprocess: PreprocessOptions = {
  frameSkip: 4, noopMax: 0, screenSize: 84, terminalOnLifeLoss: false, grayscaleObs: true, scaleObs: false,
  frameStack: 1, fireReset: false, clipReward: false, frameStackTransport: 'full',
};

const env = (o: Partial<AtariOptions> = {}) => new AtariEnv(game, assemble('pal-rows'), 'Test/PalRows', { ...opts, ...o }, machineModule);

t.test('observations and renders have the game\'s 250 rows', { skip }, async (t) => {
  const rgb = env();
  t.equal(String(rgb.observationSpace), 'Box(0, 255, (250,160,3), uint8)');
  t.equal((rgb.reset(0).obs as Uint8Array).length, 250 * 160 * 3);
  t.equal((rgb.step(0).obs as Uint8Array).length, 250 * 160 * 3);
  const frame = rgb.render();
  t.same([frame.height, frame.width, frame.data.length], [250, 160, 250 * 160 * 3]);
  const gray = env({ obsType: 'grayscale' });
  t.equal(String(gray.observationSpace), 'Box(0, 255, (250,160), uint8)');
  t.equal((gray.reset(0).obs as Uint8Array).length, 250 * 160);
});

t.test('the preprocessed frame is the area shrink of all 250 rows', { skip }, async (t) => {
  const pre = new AtariPreprocessing(env(), preprocess);
  const raw = env({ obsType: 'grayscale' });
  t.equal(String(pre.observationSpace), 'Box(0, 255, (84,84), uint8)');
  const near = (got: Uint8Array, exact: Float64Array) => got.every((v, i) => Math.abs(v - exact[i]) <= 0.5 + 1e-9);
  const first = pre.reset(0).obs as Uint8Array;
  t.ok(near(first, areaMean(raw.reset(0).obs as Uint8Array, 160, 250, 84, 84)), 'reset');
  // By hand: output row 0 covers source rows 0 and 1 whole and 0.97619 of row 2 (cells of 250/84 rows), which show
  // palette indices 66, 68 and 70 (pal-rows.asm); every column alike.
  const g = PAL_PALETTE.gray;
  const cell = 250 / 84;
  const corner = (g[66] + g[68] + (cell - 2) * g[70]) / cell;
  t.ok(Math.abs(first[0] - corner) <= 0.5 && Math.abs(first[83] - corner) <= 0.5, `row 0 is ${corner.toFixed(3)} rounded`);
  const frames: Uint8Array[] = [];
  for (let i = 0; i < 4; i++) frames.push(raw.step(0).obs as Uint8Array);
  const pooled = frames[3].map((v, i) => Math.max(v, frames[2][i]));
  t.ok(near(pre.step(0).obs as Uint8Array, areaMean(pooled, 160, 250, 84, 84)), 'a step: the max of its last two frames, shrunk');
});
