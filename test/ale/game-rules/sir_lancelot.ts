// SirLancelot.cpp: score BCD over 0xA0 (lowest), 0x9F, 0x9E; lives = 0xA9; over when 0xA9 is 0 and 0xA7 is 0xA0.
// lives() is 0xA9 until then (so 0 before the end too) and 0 at the end.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'sir_lancelot',
  cases: [
    {
      name: 'score in BCD, lowest byte first',
      frames: [
        { ram: { 0x9e: 0, 0x9f: 0, 0xa0: 0 } },
        { ram: { 0xa0: 0x75 }, reward: 75 },
        { ram: { 0x9f: 0x02 }, reward: 200 },
        { ram: { 0x9e: 0x01 }, reward: 10000 },
      ],
    },
    {
      name: 'lives at 0xA9; the end needs 0xA7 = 0xA0',
      frames: [
        { ram: { 0xa9: 3, 0xa7: 0 }, lives: 3, terminal: false },
        { ram: { 0xa9: 0 }, lives: 0, terminal: false },
        { ram: { 0xa7: 0xa0 }, lives: 0, terminal: true },
      ],
    },
  ],
};
