// Zaxxon.cpp: score BCD 0xE9 (low), 0xE8, times 100; lives = 0xEA & 7; over at 0.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'zaxxon',
  cases: [
    {
      name: 'score in hundreds',
      frames: [
        { ram: { 0xe8: 0, 0xe9: 0 } },
        { ram: { 0xe9: 0x12 }, reward: 1200 },
        { ram: { 0xe8: 0x01 }, reward: 10000 },
      ],
    },
    {
      name: 'lives in the low bits of 0xEA',
      frames: [
        { ram: { 0xea: 0x0b }, lives: 3, terminal: false },
        { ram: { 0xea: 0x08 }, lives: 0, terminal: true },
      ],
    },
  ],
};
