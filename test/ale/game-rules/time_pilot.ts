// TimePilot.cpp: score BCD 0x8D (low), 0x8F, times 100; over when 0xA0 is not 0; lives = (0x8B & 7) + 1, taken only
// while 0x80 & 15 is 2; lives() 0 at the end.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'time_pilot',
  cases: [
    {
      name: 'score in hundreds',
      frames: [
        { ram: { 0x8d: 0, 0x8f: 0, 0xa0: 0 } },
        { ram: { 0x8d: 0x05 }, reward: 500 },
        { ram: { 0x8f: 0x01 }, reward: 10000 },
      ],
    },
    {
      name: 'lives only on the play screen',
      frames: [
        { ram: { 0x80: 2, 0x8b: 3, 0xa0: 0 }, lives: 4, terminal: false },
        { ram: { 0x80: 0x13, 0x8b: 1 }, lives: 4 },
        { ram: { 0x80: 0x22 }, lives: 2 },
        { ram: { 0xa0: 1 }, lives: 0, terminal: true },
      ],
    },
  ],
};
