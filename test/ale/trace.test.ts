// Every row of every ALE reference trace in ../shared/reference/ale must come
// out identical from our emulator, driven as the reference driver did
// (../shared/reference/ale/README.md): rewards, game over, lives, RAM and
// screen hashes, completed frames.
import t from 'tap';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createALEWithRom } from '../../env-server/ale/node-loader.js';
import { traceRows } from '../../env-server/ale/trace.js';
import { sharedDir } from './machine.js';

const referenceDir = path.join(sharedDir, 'reference', 'ale');
const romDir = path.join(sharedDir, 'roms');

if (!existsSync(referenceDir) || !existsSync(romDir)) {
  t.test('ALE reference traces', { skip: `needs ${referenceDir} and ${romDir}, which are absent` }, async () => {});
} else {
  const traces = readdirSync(referenceDir).filter((f) => f.endsWith('.trace.csv'));
  t.ok(traces.length > 0, 'reference traces present');
  for (const file of traces) {
    const game = file.slice(0, -'.trace.csv'.length);
    t.test(game, async (t) => {
      const expected = readFileSync(path.join(referenceDir, file), 'utf8').trim().split('\n');
      const steps = Number(expected[expected.length - 1].split(',')[0]);
      const ale = await createALEWithRom(path.join(romDir, `${game}.bin`));
      const actual: string[] = [];
      traceRows(ale, steps, (line) => actual.push(line));
      const first = expected.findIndex((line, i) => line !== actual[i]);
      t.equal(first, -1, first === -1 ? `all ${expected.length} rows identical`
        : `first difference at line ${first + 1}:\n  expected ${expected[first]}\n  actual   ${actual[first]}`);
      t.equal(actual.length, expected.length, 'same number of rows');
    });
  }
}
