// npm run bench:ale — raw emulation speed of ale.wasm per ROM in ../shared/roms:
// act() calls per second of process CPU time (frame skip 1, random minimal
// actions, reset on game over): drawing every frame ("raw"), with rendering
// switched off (frames emulated exactly but not drawn, as the frames an agent
// skips), and drawing and reading the grayscale screen every frame. The ratio
// columns compare with "raw" measured in this run; the last column compares
// with native ALE's speed quoted in the issue (pong ~16,200, breakout
// ~11,900, gravitar ~17,300).
//
// ALE_BENCH_BASELINE=<path to another ale.wasm> (e.g. a build of an older
// commit) adds a comparison measured in the same run: for "raw" and
// "no-render", rounds that alternate between the two builds, so that load
// from other processes hits both alike; the columns give this build's speed
// over the baseline's.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createALE } from '../../env-server/ale/node-loader.js';
import { ALEInterface } from '../../env-server/ale/ale-interface.js';
import { Xoshiro128 } from '../../proto/rng.js';

const ROMS = fileURLToPath(new URL('../../../../shared/roms', import.meta.url));
const NATIVE: Record<string, number> = { pong: 16200, breakout: 11900, gravitar: 17300 };
const SECONDS = Number(process.env.ALE_BENCH_SECONDS ?? 3);
const BASELINE = process.env.ALE_BENCH_BASELINE;
const BASELINE_ROUNDS = 4;

type Mode = 'raw' | 'off' | 'gray';

type Emulator = () => Promise<ALEInterface>;

/** CPU microseconds (user + system) used since `start`. */
function cpuSince(start: NodeJS.CpuUsage): number {
  const now = process.cpuUsage(start);
  return now.user + now.system;
}

/** Steps and CPU microseconds of `seconds` of CPU time playing `rom`. */
async function measure(emulator: Emulator, rom: Uint8Array, mode: Mode, seconds: number): Promise<[number, number]> {
  const ale = await emulator();
  ale.loadROM(rom);
  ale.setRendering(mode !== 'off');
  const withScreen = mode === 'gray';
  const actions = ale.getMinimalActionSet();
  const rng = new Xoshiro128(1);
  const [rows, columns] = ale.getScreenDims();
  const gray = new Uint8Array(rows * columns);
  const run = (steps: number): void => {
    for (let i = 0; i < steps; i++) {
      ale.act(actions[Math.floor(rng.random() * actions.length)]);
      if (withScreen) ale.getScreenGrayscale(gray);
      if (ale.gameOver()) ale.resetGame();
    }
  };
  // Warm-up: half a second of CPU lets the engine finish optimising the
  // wasm code (the frame loop is a large function) and the JIT the JS.
  const warm = process.cpuUsage();
  while (cpuSince(warm) < 0.5e6) run(100);
  let steps = 0;
  const start = process.cpuUsage();
  let used = 0;
  while (used < seconds * 1e6) {
    run(1000);
    steps += 1000;
    used = cpuSince(start);
  }
  return [steps, used];
}

async function rate(rom: Uint8Array, mode: Mode): Promise<number> {
  const [steps, used] = await measure(createALE, rom, mode, SECONDS);
  return steps / (used / 1e6);
}

// This build's speed over the baseline's, from alternating rounds.
async function versus(baseline: Emulator, rom: Uint8Array, mode: Mode): Promise<number> {
  const totals = [[0, 0], [0, 0]];
  for (let round = 0; round < BASELINE_ROUNDS; round++) {
    for (const which of round % 2 === 0 ? [0, 1] : [1, 0]) {
      const [steps, used] = await measure(which === 0 ? createALE : baseline, rom, mode, SECONDS / BASELINE_ROUNDS);
      totals[which][0] += steps;
      totals[which][1] += used;
    }
  }
  return (totals[0][0] / totals[0][1]) / (totals[1][0] / totals[1][1]);
}

async function main(): Promise<void> {
  if (!existsSync(ROMS)) {
    console.log(`no ROMs at ${ROMS}: nothing to benchmark`);
    return;
  }
  const games = readdirSync(ROMS).filter((f) => f.endsWith('.bin')).map((f) => f.slice(0, -4)).sort();
  let baseline: Emulator | undefined;
  if (BASELINE !== undefined) {
    const module = new WebAssembly.Module(readFileSync(BASELINE));
    baseline = async () => ALEInterface.fromModule(module);
  }
  console.log(`ale.wasm, frame skip 1, ${SECONDS}s of CPU time per cell; steps per CPU-second`);
  if (baseline) console.log(`baseline ${BASELINE}: alternating rounds, ${SECONDS}s of CPU per build and cell`);
  console.log('game               raw  no-render  off/raw   +gray  +gray/raw  raw/native  off/native' +
    (baseline ? '  raw/base  off/base' : ''));
  for (const game of games) {
    const rom = new Uint8Array(readFileSync(join(ROMS, `${game}.bin`)));
    const raw = await rate(rom, 'raw');
    const off = await rate(rom, 'off');
    const gray = await rate(rom, 'gray');
    const native = NATIVE[game];
    const vsNative = (v: number): string => (native ? (v / native).toFixed(2).padStart(10) : '         -');
    console.log(
      `${game.padEnd(17)} ${raw.toFixed(0).padStart(6)}  ${off.toFixed(0).padStart(9)}  ${(off / raw).toFixed(2).padStart(7)}` +
        `  ${gray.toFixed(0).padStart(6)}  ${(gray / raw).toFixed(2).padStart(9)}  ${vsNative(raw)}  ${vsNative(off)}` +
        (baseline
          ? `  ${(await versus(baseline, rom, 'raw')).toFixed(2).padStart(8)}  ${(await versus(baseline, rom, 'off')).toFixed(2).padStart(8)}`
          : ''),
    );
  }
}

await main();
