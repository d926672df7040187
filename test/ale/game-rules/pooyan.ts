// Pooyan.cpp: score BCD over 0x8A (lowest), 0x89, 0x88; lives = (0x96 & 7) + 1; over when 0x96 is 0 and 0x98 is 5;
// lives() 0 then.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'pooyan',
  cases: [
    {
      name: 'score in BCD, lowest byte first',
      frames: [
        { ram: { 0x88: 0, 0x89: 0, 0x8a: 0 } },
        { ram: { 0x8a: 0x50 }, reward: 50 },
        { ram: { 0x89: 0x01 }, reward: 100 },
        { ram: { 0x88: 0x02 }, reward: 20000 },
      ],
    },
    {
      name: 'lives from the low bits of 0x96; over at 0 once 0x98 reads 5',
      frames: [
        { ram: { 0x96: 2, 0x98: 0 }, lives: 3, terminal: false },
        { ram: { 0x96: 0x12 }, lives: 3 },
        { ram: { 0x96: 0 }, lives: 1, terminal: false },
        { ram: { 0x98: 5 }, lives: 0, terminal: true },
      ],
    },
  ],
};
