// npm run bench:ale-copies — what one more emulator copy costs, as a vector session of 256 copies pays it:
// resident memory per copy (process RSS growth after building 256 ALE/<Game>-v5 envs and resetting each with its
// seed, with a GC before each reading) and the time of 256 seeded resets (ale-py's reset(seed): reseed and reload
// the ROM, then reset the game; copies after the first start from the load snapshots, load-snapshots.ts).
// Baseline measured in the same run: the same 256 seeded resets made the way AtariEnv did before, a fresh ale.wasm
// instance per reset that emulates the power-on and reset frames.
// ALE_BENCH_GAME=<rom id> (default pong), ALE_BENCH_COPIES=<n> (default 256). Run with node --expose-gc.
import { cpus } from 'node:os';
import { ALEInterface } from '../../env-server/ale/ale-interface.js';
import { aleModule } from '../../env-server/envs/atari/ale-module.js';
import { atariGames } from '../../env-server/envs/atari/games.js';
import type { Env } from '../../env-server/envs/env.js';
import { atariRegistry, SHARED_ROMS, romSkip } from '../atari/shared.js';
import { RomStore } from '../../env-server/roms/rom-store.js';

const GAME = process.env.ALE_BENCH_GAME ?? 'pong';
const COPIES = Number(process.env.ALE_BENCH_COPIES ?? 256);
const gc = (globalThis as { gc?: () => void }).gc;

function rss(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().rss;
}

function main(): void {
  if (romSkip) {
    console.log(romSkip);
    return;
  }
  if (!gc) console.log('(run with node --expose-gc for steady memory figures)');
  const game = atariGames().find((g) => g.rom === GAME);
  if (!game) throw new Error(`no game ${GAME} in the emulator's table`);
  const id = `ALE/${game.name}-v5`;
  const reg = atariRegistry();
  reg.make(id, {}).reset(0); // compile, read the ROM and warm up once, outside the figures
  const before = rss();
  const envs: Env[] = [];
  for (let i = 0; i < COPIES; i++) {
    const env = reg.make(id, {});
    env.reset(i);
    envs.push(env);
  }
  const perCopy = (rss() - before) / COPIES;

  let start = performance.now();
  for (let i = 0; i < COPIES; i++) envs[i].reset(1000 + i);
  const resets = performance.now() - start;

  // Baseline: a fresh instance per seeded reset, as before (fromInstance: no snapshots).
  const rom = new RomStore(SHARED_ROMS, () => []).load(game);
  const module = aleModule();
  start = performance.now();
  for (let i = 0; i < COPIES; i++) {
    const ale = ALEInterface.fromInstance(new WebAssembly.Instance(module, {}), { repeatActionProbability: 0.25, maxNumFramesPerEpisode: 108000, randomSeed: 1000 + i });
    ale.loadROM(rom);
    ale.resetGame();
    ale.getScreenRGB();
  }
  const fresh = performance.now() - start;

  console.log(`${id}, ${COPIES} copies; ${cpus()[0].model}, node ${process.version}`);
  console.log(`resident memory per copy   ${(perCopy / 1e6).toFixed(3)} MB`);
  console.log(`${COPIES} seeded resets         ${(resets / 1000).toFixed(3)} s   (${(resets / COPIES).toFixed(2)} ms each)`);
  console.log(`baseline: fresh instance per reset ${(fresh / 1000).toFixed(3)} s; resets/baseline ${(resets / fresh).toFixed(3)}`);
}

main();
