// Solaris.cpp: score BCD over 0xDC (lowest), 0xDD, 0xDE, times 10; lives = 0xD9 & 15; over when 0xD9 is 0.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'solaris',
  cases: [
    {
      name: 'score in tens',
      frames: [
        { ram: { 0xdc: 0, 0xdd: 0, 0xde: 0 } },
        { ram: { 0xdc: 0x12 }, reward: 120 },
        { ram: { 0xdd: 0x01 }, reward: 1000 },
        { ram: { 0xde: 0x01 }, reward: 100000 },
      ],
    },
    {
      name: 'lives in the low nibble of 0xD9',
      frames: [
        { ram: { 0xd9: 0x13 }, lives: 3, terminal: false },
        { ram: { 0xd9: 0x10 }, lives: 0, terminal: false },
        { ram: { 0xd9: 0 }, lives: 0, terminal: true },
      ],
    },
  ],
};
