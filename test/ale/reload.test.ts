// A ROM loaded again into an emulator that has already played (as every seeded reset does: ale-py reloads the ROM)
// plays exactly as in a fresh emulator: same trace rows (rewards, lives, RAM and screen hashes, completed frames),
// with sticky actions, for every shared ROM the emulator supports, also after another game was played in it.
import t from 'tap';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createALE } from '../../env-server/ale/node-loader.js';
import { traceRows } from '../../env-server/ale/trace.js';
import { sharedDir } from './machine.js';
import { sharedRoms } from './supported-roms.js';

const romDir = path.join(sharedDir, 'roms');
const STEPS = 400;

if (!existsSync(romDir)) {
  t.test('reloading ROMs', { skip: `needs ${romDir}, which is absent` }, async () => {});
} else {
  const { supported } = await sharedRoms(romDir);
  const rom = (game: string) => new Uint8Array(readFileSync(path.join(romDir, `${game}.bin`)));
  const trace = (ale: Awaited<ReturnType<typeof createALE>>) => {
    const rows: string[] = [];
    traceRows(ale, STEPS, (line) => rows.push(line));
    return rows;
  };
  for (const [i, game] of supported.entries()) {
    t.test(game, async (t) => {
      const fresh = await createALE({ repeatActionProbability: 0.25, randomSeed: 7 });
      fresh.loadROM(rom(game));
      const expected = trace(fresh);
      const used = await createALE({ repeatActionProbability: 0.25, randomSeed: 3 });
      // Another game first (its cart RAM, banks and screens left behind), then this one twice.
      used.loadROM(rom(supported[(i + 1) % supported.length]));
      trace(used);
      used.setRandomSeed(7);
      used.loadROM(rom(game));
      t.same(trace(used), expected, 'loaded after another game');
      used.loadROM(rom(game));
      t.same(trace(used), expected, 'loaded again');
    });
  }
}
