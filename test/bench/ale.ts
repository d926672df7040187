// npm run bench:ale — raw emulation speed of ale.wasm on every ROM in ../shared/roms the emulator supports, per
// game and the geometric mean: act() calls per second of process CPU time (frame skip 1, random minimal actions,
// reset on game over), drawing every frame ("raw"), with rendering switched off (frames emulated exactly but not
// drawn, as the frames an agent skips), and drawing and reading the grayscale screen every frame. The ratio columns
// compare with "raw" measured in this run. No native ALE figure is printed: ALE's C++ library is not built here,
// and figures from another machine or run are not comparable (README.md says how to measure it side by side).
//
// ALE_BENCH_SECONDS=<s> CPU seconds per cell (default 1); ALE_BENCH_GAMES=pong,breakout to measure only those.
// ALE_BENCH_BASELINE=<path to another ale.wasm> (e.g. a build of an older
// commit) adds a comparison measured in the same run: for "raw" and
// "no-render", rounds that alternate between the two builds, so that load
// from other processes hits both alike; the columns give this build's speed
// over the baseline's.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createALE } from '../../env-server/ale/node-loader.js';
import { ALEInterface } from '../../env-server/ale/ale-interface.js';
import { md5Hex } from '../../env-server/ale/md5.js';
import { Xoshiro128 } from '../../proto/rng.js';

const ROMS = fileURLToPath(new URL('../../../../shared/roms', import.meta.url));
const SECONDS = Number(process.env.ALE_BENCH_SECONDS ?? 1);
const ONLY = process.env.ALE_BENCH_GAMES?.split(',');
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

const geomean = (xs: number[]): number => Math.exp(xs.reduce((sum, x) => sum + Math.log(x), 0) / xs.length);

async function main(): Promise<void> {
  if (!existsSync(ROMS)) {
    console.log(`no ROMs at ${ROMS}: nothing to benchmark`);
    return;
  }
  const probe = await createALE();
  const files = readdirSync(ROMS).filter((f) => f.endsWith('.bin')).map((f) => f.slice(0, -4)).sort();
  const roms = new Map(files.filter((g) => !ONLY || ONLY.includes(g)).map((g) => [g, new Uint8Array(readFileSync(join(ROMS, `${g}.bin`)))]));
  const games = [...roms.keys()].filter((g) => probe.supportsRom(md5Hex(roms.get(g)!)));
  const unsupported = [...roms.keys()].filter((g) => !games.includes(g));
  let baseline: Emulator | undefined;
  if (BASELINE !== undefined) {
    const module = new WebAssembly.Module(readFileSync(BASELINE));
    baseline = async () => ALEInterface.fromModule(module);
  }
  console.log(`ale.wasm, frame skip 1, ${SECONDS}s of CPU time per cell; steps per CPU-second; ${cpus()[0].model}, node ${process.version}`);
  if (unsupported.length) console.log(`not measured (no game settings): ${unsupported.join(', ')}`);
  if (baseline) console.log(`baseline ${BASELINE}: alternating rounds, ${SECONDS}s of CPU per build and cell`);
  console.log('game                   raw  no-render  off/raw   +gray  +gray/raw' + (baseline ? '  raw/base  off/base' : ''));
  const columns: number[][] = [[], [], [], [], []];
  const row = (name: string, v: number[]): string =>
    `${name.padEnd(19)} ${v[0].toFixed(0).padStart(6)}  ${v[1].toFixed(0).padStart(9)}  ${(v[1] / v[0]).toFixed(2).padStart(7)}` +
    `  ${v[2].toFixed(0).padStart(6)}  ${(v[2] / v[0]).toFixed(2).padStart(9)}` +
    (baseline ? `  ${v[3].toFixed(2).padStart(8)}  ${v[4].toFixed(2).padStart(8)}` : '');
  for (const game of games) {
    const rom = roms.get(game)!;
    const v = [await rate(rom, 'raw'), await rate(rom, 'off'), await rate(rom, 'gray')];
    if (baseline) v.push(await versus(baseline, rom, 'raw'), await versus(baseline, rom, 'off'));
    v.forEach((x, i) => columns[i].push(x));
    console.log(row(game, v));
  }
  if (games.length > 1) console.log(row(`geometric mean (${games.length})`, columns.filter((c) => c.length).map(geomean)));
}

await main();
