// Power-on state: the emulator's Mersenne Twister and the RAM it fills.
import t from 'tap';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { machine, sharedDir } from './machine.js';
import { createALEWithRom } from '../../env-server/ale/node-loader.js';

t.test('MT19937 matches the standard generator', async (t) => {
  const m = machine();
  // The C++ standard fixes the 10000th output of a default-seeded std::mt19937.
  t.equal(m.mersenneOutput(5489, 1) >>> 0, 3499211612);
  t.equal(m.mersenneOutput(5489, 10000) >>> 0, 4123659995);
});

t.test('RAM powers up with the low bytes of the emulator seed\'s outputs', async (t) => {
  const m = machine();
  // ALE's system_random_seed is 4753849; RAM byte $80+i gets output i+1.
  t.same([1, 2, 3, 4].map((n) => m.mersenneOutput(4753849, n) & 0xff), [184, 150, 192, 73]);
});

const seaquest = path.join(sharedDir, 'roms', 'seaquest.bin');
t.test('seaquest keeps its power-on byte at $FB', { skip: existsSync(seaquest) ? false : `needs ${seaquest}` }, async (t) => {
  const ale = await createALEWithRom(seaquest);
  t.equal(ale.getRAM()[0x7b], 247);
});
