// Superman.cpp: over when Clark Kent (0x9F & 0x40) is in the room at address 0xF2AC (0x80 low, 0x81 high); only then
// a reward: 99:59 minus the time (BCD minutes 0xE3, seconds 0xE2) in seconds. lives() 1, 0 at the end.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'superman',
  cases: [
    {
      name: 'Clark Kent back in the room ends it, with the time left as reward',
      frames: [
        { ram: { 0xe2: 0x30, 0xe3: 0x01, 0x80: 0xac, 0x81: 0xf2, 0x9f: 0 }, reward: 0, lives: 1, terminal: false },
        { ram: { 0x9f: 0x40 }, reward: 5909, lives: 0, terminal: true },
      ],
    },
    {
      name: 'any other room does not',
      frames: [{ ram: { 0x80: 0xac, 0x81: 0xf1, 0x9f: 0xc0 }, reward: 0, lives: 1, terminal: false }],
    },
  ],
};
