// Pitfall2.cpp: score BCD over 0xC9 (lowest), 0xC8, 0xC7, 4000 at the start; over only at 199,000; lives() 1, then 0.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'pitfall2',
  cases: [
    {
      name: 'score in BCD and the end at the top score',
      frames: [
        { ram: { 0xc7: 0, 0xc8: 0x40, 0xc9: 0 }, lives: 1, terminal: false },
        { ram: { 0xc8: 0x45, 0xc9: 0x50 }, reward: 550, lives: 1 },
        { ram: { 0xc7: 0x19, 0xc8: 0x90, 0xc9: 0 }, reward: 194450, terminal: true, lives: 0 },
      ],
    },
  ],
};
