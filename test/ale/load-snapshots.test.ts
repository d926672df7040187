// Copies of a ROM after the first start from the first copy's state after loadROM and after the reset that follows
// (env-server/ale/load-snapshots.ts) instead of emulating those frames again. They must play bit for bit as copies
// that emulated everything: same trace rows (rewards, lives, RAM and screen hashes, completed frames), with sticky
// actions, with the first copy's seed and with another seed, in a mode and difficulty other than the default, and
// with rendering off during the load; for every shared ROM the emulator supports.
import t from 'tap';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ALEInterface } from '../../env-server/ale/ale-interface.js';
import { ALE_WASM_PATH } from '../../env-server/ale/node-loader.js';
import { snapshotsOf } from '../../env-server/ale/load-snapshots.js';
import { traceRows } from '../../env-server/ale/trace.js';
import { sharedDir } from './machine.js';
import { sharedRoms } from './supported-roms.js';

const romDir = path.join(sharedDir, 'roms');
const STEPS = 300;
const wasm = readFileSync(ALE_WASM_PATH);

interface Setup {
  seed: number;
  mode?: number;
  difficulty?: number;
  renderLoad?: boolean;
}

function play(module: WebAssembly.Module, rom: Uint8Array, s: Setup): string[] {
  const ale = ALEInterface.fromModule(module, { repeatActionProbability: 0.25, randomSeed: s.seed });
  if (s.renderLoad === false) ale.setRendering(false);
  ale.loadROM(rom);
  ale.setRendering(true);
  if (s.mode !== undefined) ale.setMode(s.mode);
  if (s.difficulty !== undefined) ale.setDifficulty(s.difficulty);
  const rows: string[] = [];
  traceRows(ale, STEPS, (line) => rows.push(line));
  return rows;
}

if (!existsSync(romDir)) {
  t.test('load snapshots', { skip: `needs ${romDir}, which is absent` }, async () => {});
} else {
  const { supported } = await sharedRoms(romDir);
  for (const game of supported) {
    t.test(game, async (t) => {
      const rom = new Uint8Array(readFileSync(path.join(romDir, `${game}.bin`)));
      const probe = ALEInterface.fromModule(new WebAssembly.Module(wasm));
      probe.loadROM(rom);
      const modes = probe.getAvailableModes();
      const difficulties = probe.getAvailableDifficulties();
      const setups: Setup[] = [
        { seed: 7 },
        { seed: 11 },
        { seed: 7, mode: modes.at(-1), difficulty: difficulties.at(-1) },
        { seed: 7, renderLoad: false },
      ];
      for (const setup of setups) {
        // Each copy is compared with a copy of a module that has no snapshot yet, so emulates everything.
        const shared = new WebAssembly.Module(wasm);
        const first = play(shared, rom, setup);
        // The load's snapshot unless the load draws from the environment's generator, the reset's unless the reset
        // does (Adventure's and Video Cube's other modes are selected with random presses).
        const keys = [...snapshotsOf(shared).keys()].map((k) => k.split(' ')[0]);
        t.ok(keys.every((k, i) => k === ['load', 'reset'][i]), `${JSON.stringify(setup)}: snapshots ${keys.join(', ') || 'none'}`);
        t.same(play(shared, rom, setup), first, `${JSON.stringify(setup)}: a copy from the snapshots plays as the first`);
        t.same(play(shared, rom, { ...setup, seed: setup.seed + 100 }), play(new WebAssembly.Module(wasm), rom, { ...setup, seed: setup.seed + 100 }),
          `${JSON.stringify(setup)}: and with another seed, as a copy that emulated everything`);
      }
    });
  }
  t.test('the snapshots are taken (Pong: one of the load, one of the reset)', { skip: supported.includes('pong') ? false : 'no pong' }, async (t) => {
    const module = new WebAssembly.Module(wasm);
    play(module, new Uint8Array(readFileSync(path.join(romDir, 'pong.bin'))), { seed: 1 });
    t.same([...snapshotsOf(module).keys()].map((k) => k.split(' ')[0]), ['load', 'reset']);
  });
}
