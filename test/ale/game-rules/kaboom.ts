// Kaboom.cpp: score BCD over 0xA5 (lowest), 0xA4, 0xA3; the game ends with no bucket left (0xA1 = 0) or at 999,999.
// lives() is 1, 0 once it is over.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'kaboom',
  cases: [
    {
      name: 'score in BCD; no bucket left ends the game',
      frames: [
        { ram: { 0xa3: 0, 0xa4: 0, 0xa5: 0, 0xa1: 3 } },
        { ram: { 0xa5: 0x01 }, reward: 1, terminal: false, lives: 1 },
        { ram: { 0xa4: 0x10 }, reward: 1000 },
        { ram: { 0xa3: 0x02 }, reward: 20000 },
        { ram: { 0xa1: 1 }, terminal: false },
        { ram: { 0xa1: 0 }, terminal: true, lives: 0 },
      ],
    },
    {
      name: 'the top score ends it too',
      frames: [
        { ram: { 0xa1: 3, 0xa3: 0x99, 0xa4: 0x99, 0xa5: 0x98 }, terminal: false },
        { ram: { 0xa5: 0x99 }, reward: 1, terminal: true, lives: 0 },
      ],
    },
  ],
};
