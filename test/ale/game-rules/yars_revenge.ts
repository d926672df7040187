// YarsRevenge.cpp: score BCD over 0xE2 (lowest), 0xE1, 0xE0; lives = 0x9E >> 4; over at 0.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'yars_revenge',
  cases: [
    {
      name: 'score in BCD, lowest byte first',
      frames: [
        { ram: { 0xe0: 0, 0xe1: 0, 0xe2: 0 } },
        { ram: { 0xe2: 0x25 }, reward: 25 },
        { ram: { 0xe0: 0x01 }, reward: 10000 },
      ],
    },
    {
      name: 'lives in the high nibble of 0x9E',
      frames: [
        { ram: { 0x9e: 0x2f }, lives: 2, terminal: false },
        { ram: { 0x9e: 0x0f }, lives: 0, terminal: true },
      ],
    },
  ],
};
