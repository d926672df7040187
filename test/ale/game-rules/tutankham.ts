// Tutankham.cpp: score BCD 0x9C (low), 0x9A; lives = 0x9E & 3; over when 0x9E is 0 and 0x81 is not 0x84; lives() 0
// then.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'tutankham',
  cases: [
    {
      name: 'score in BCD',
      frames: [
        { ram: { 0x9a: 0, 0x9c: 0 } },
        { ram: { 0x9c: 0x30 }, reward: 30 },
        { ram: { 0x9a: 0x02 }, reward: 200 },
      ],
    },
    {
      name: 'lives in the low bits of 0x9E; no end while 0x81 reads 0x84',
      frames: [
        { ram: { 0x9e: 3, 0x81: 0x84 }, lives: 3, terminal: false },
        { ram: { 0x9e: 0x06 }, lives: 2 },
        { ram: { 0x9e: 0 }, lives: 0, terminal: false },
        { ram: { 0x81: 0 }, lives: 0, terminal: true },
      ],
    },
  ],
};
