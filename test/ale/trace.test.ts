// Every row of every ALE reference trace in ../shared/reference/ale, plain and sticky (sticky/, repeat action
// probability 0.25), must come out identical from our emulator, driven as the reference driver did
// (../shared/reference/ale/README.md): rewards, game over, lives, RAM and screen hashes, completed frames.
import t from 'tap';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createALEWithRom } from '../../env-server/ale/node-loader.js';
import { traceRows } from '../../env-server/ale/trace.js';
import { sharedDir } from './machine.js';
import { sharedRoms } from './supported-roms.js';

const referenceDir = path.join(sharedDir, 'reference', 'ale');
const romDir = path.join(sharedDir, 'roms');
const STICKY = 0.25;

if (!existsSync(referenceDir) || !existsSync(romDir)) {
  t.test('ALE reference traces', { skip: `needs ${referenceDir} and ${romDir}, which are absent` }, async () => {});
} else {
  const { supported } = await sharedRoms(romDir);
  const kinds: [string, string, number][] = [['plain', referenceDir, 0], ['sticky', path.join(referenceDir, 'sticky'), STICKY]];
  for (const [kind, dir, stickiness] of kinds) {
    const games = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.trace.csv')).map((f) => f.slice(0, -'.trace.csv'.length)) : [];
    t.ok(games.length > 0, `${kind} reference traces present`);
    const skipped = games.filter((g) => !supported.includes(g));
    if (skipped.length > 0) {
      t.test(`${kind} traces of games the emulator has no settings for`, { skip: `${skipped.length}: ${skipped.join(', ')}` }, async () => {});
    }
    for (const game of games.filter((g) => supported.includes(g))) {
      t.test(`${game} (${kind})`, async (t) => {
        const expected = readFileSync(path.join(dir, `${game}.trace.csv`), 'utf8').trim().split('\n');
        const steps = Number(expected[expected.length - 1].split(',')[0]);
        const ale = await createALEWithRom(path.join(romDir, `${game}.bin`), { repeatActionProbability: stickiness });
        const actual: string[] = [];
        traceRows(ale, steps, (line) => actual.push(line));
        const first = expected.findIndex((line, i) => line !== actual[i]);
        t.equal(first, -1, first === -1 ? `all ${expected.length} rows identical`
          : `first difference at line ${first + 1}:\n  expected ${expected[first]}\n  actual   ${actual[first]}`);
        t.equal(actual.length, expected.length, 'same number of rows');
      });
    }
  }
}
