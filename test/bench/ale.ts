// npm run bench:ale — raw emulation speed of ale.wasm per ROM in ../shared/roms:
// act() calls per second of process CPU time (frame skip 1, random minimal
// actions, reset on game over): drawing every frame ("raw"), with rendering
// switched off (frames emulated exactly but not drawn, as the frames an agent
// skips), and drawing and reading the grayscale screen every frame. The ratio
// columns compare with "raw" measured in this run; the last column compares
// with native ALE's speed quoted in the issue (pong ~16,200, breakout
// ~11,900, gravitar ~17,300).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createALE } from '../../env-server/ale/node-loader.js';
import { Xoshiro128 } from '../../proto/rng.js';

const ROMS = fileURLToPath(new URL('../../../../shared/roms', import.meta.url));
const NATIVE: Record<string, number> = { pong: 16200, breakout: 11900, gravitar: 17300 };
const SECONDS = Number(process.env.ALE_BENCH_SECONDS ?? 3);

type Mode = 'raw' | 'off' | 'gray';

async function rate(rom: Uint8Array, mode: Mode): Promise<number> {
  const ale = await createALE();
  ale.loadROM(rom);
  ale.setRendering(mode !== 'off');
  const withScreen = mode === 'gray';
  const actions = ale.getMinimalActionSet();
  const rng = new Xoshiro128(1);
  const gray = new Uint8Array(210 * 160);
  const run = (steps: number): void => {
    for (let i = 0; i < steps; i++) {
      ale.act(actions[Math.floor(rng.random() * actions.length)]);
      if (withScreen) ale.getScreenGrayscale(gray);
      if (ale.gameOver()) ale.resetGame();
    }
  };
  run(500); // warm-up: let the JIT and the wasm tiers settle
  let steps = 0;
  const start = process.cpuUsage();
  let used = 0;
  while (used < SECONDS * 1e6) {
    run(1000);
    steps += 1000;
    const now = process.cpuUsage(start);
    used = now.user + now.system;
  }
  return steps / (used / 1e6);
}

async function main(): Promise<void> {
  if (!existsSync(ROMS)) {
    console.log(`no ROMs at ${ROMS}: nothing to benchmark`);
    return;
  }
  const games = readdirSync(ROMS).filter((f) => f.endsWith('.bin')).map((f) => f.slice(0, -4)).sort();
  console.log(`ale.wasm, frame skip 1, ${SECONDS}s of CPU time per cell; steps per CPU-second`);
  console.log('game               raw  no-render  off/raw   +gray  +gray/raw  raw/native  off/native');
  for (const game of games) {
    const rom = new Uint8Array(readFileSync(join(ROMS, `${game}.bin`)));
    const raw = await rate(rom, 'raw');
    const off = await rate(rom, 'off');
    const gray = await rate(rom, 'gray');
    const native = NATIVE[game];
    const vsNative = (v: number): string => (native ? (v / native).toFixed(2).padStart(10) : '         -');
    console.log(
      `${game.padEnd(17)} ${raw.toFixed(0).padStart(6)}  ${off.toFixed(0).padStart(9)}  ${(off / raw).toFixed(2).padStart(7)}` +
        `  ${gray.toFixed(0).padStart(6)}  ${(gray / raw).toFixed(2).padStart(9)}  ${vsNative(raw)}  ${vsNative(off)}`,
    );
  }
}

await main();
