// Frames emulated with rendering off must leave the game exactly as drawn ones do: every ROM is played twice with the
// same actions, once drawing every frame and once drawing only the frames a frame-skipping agent reads (the last two
// of each 4-frame step, as AtariPreprocessing's max-pooling, or only the last), and rewards, lives, game over, RAM
// and each drawn screen must be identical. A step ends at game over, where the agent stops reading frames. The games
// are dealt to several test files (rendering-N.test.ts) so that each stays within the runner's per-file time limit
// and two run at once.
import t, { type Test } from 'tap';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createALEWithRom } from '../../env-server/ale/node-loader.js';
import type { ALEInterface } from '../../env-server/ale/ale-interface.js';
import { Xoshiro128 } from '../../proto/rng.js';
import { sharedDir } from './machine.js';
import { sharedRoms } from './supported-roms.js';

const romDir = path.join(sharedDir, 'roms');
const noRoms = existsSync(romDir) ? false : `needs the ROMs in ${romDir}, which are absent`;
const { supported: games, unsupported } = noRoms ? { supported: [], unsupported: [] } : await sharedRoms(romDir);
const STEPS = 1500;
const SKIP = 4;

const patterns: [string, (frame: number) => boolean][] = [
  ['last two frames of each step', (f) => f >= SKIP - 2],
  ['last frame of each step', (f) => f === SKIP - 1],
];

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.length), Buffer.from(b.buffer, b.byteOffset, b.length)) === 0;
}

async function play(t: Test, rom: string, draws: (frame: number) => boolean): Promise<void> {
  const options = { repeatActionProbability: 0.25, randomSeed: 7 };
  const full: ALEInterface = await createALEWithRom(rom, options);
  const lean: ALEInterface = await createALEWithRom(rom, options);
  const actions = full.getMinimalActionSet();
  const rng = new Xoshiro128(3);
  let screensCompared = 0;
  let rewardSum = 0;
  for (let step = 0; step < STEPS; step++) {
    const action = actions[Math.floor(rng.random() * actions.length)];
    for (let f = 0; f < SKIP; f++) {
      const drawn = draws(f);
      lean.setRendering(drawn);
      const r1 = full.act(action);
      const r2 = lean.act(action);
      rewardSum += Math.abs(r1);
      const where = `step ${step} frame ${f}`;
      if (r1 !== r2) return void t.fail(`${where}: reward ${r2}, drawing every frame ${r1}`);
      if (full.lives() !== lean.lives()) return void t.fail(`${where}: lives ${lean.lives()} vs ${full.lives()}`);
      if (full.gameOver() !== lean.gameOver()) return void t.fail(`${where}: game over differs`);
      if (!sameBytes(full.getRAM(), lean.getRAM())) return void t.fail(`${where}: RAM differs`);
      if (drawn) {
        if (!sameBytes(full.getScreen(), lean.getScreen())) return void t.fail(`${where}: drawn screen differs`);
        screensCompared++;
      }
      // ALE emulates nothing more once the game is over, so the agent reads no later frame of this step.
      if (full.gameOver()) break;
    }
    if (full.gameOver()) {
      full.resetGame();
      lean.setRendering(true);
      lean.resetGame();
      if (!sameBytes(full.getScreen(), lean.getScreen())) return void t.fail(`step ${step}: screen after reset differs`);
    }
  }
  t.pass(`${STEPS} steps identical (${screensCompared} screens compared, |reward| sum ${rewardSum})`);
}

export const SHARDS = 4;

/** Checks the supported games whose index in the sorted list is `shard` modulo SHARDS (shard 0 also names the ROMs skipped). */
export function renderingTests(shard: number): void {
  if (shard === 0 && unsupported.length > 0) {
    t.test('ROMs ALE has no game settings for', { skip: `${unsupported.length}: ${unsupported.join(', ')}` }, async () => {});
  }
  t.test('rendering off changes nothing the game or the observation sees', { skip: noRoms }, async (t) => {
    for (const game of games.filter((_, i) => i % SHARDS === shard)) {
      for (const [name, draws] of patterns) {
        await t.test(`${game}, drawing the ${name}`, (t) => play(t, path.join(romDir, `${game}.bin`), draws));
      }
    }
  });
}
