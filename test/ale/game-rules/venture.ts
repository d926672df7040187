// Venture.cpp: score BCD 0xC8 (low), 0xC7, times 100; lives = (0xC6 & 7) + 1; over when 0xC6 is 0, 0xCD is 0xFF
// and bit 7 of 0xBF is set; lives() 0 then.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'venture',
  cases: [
    {
      name: 'score in hundreds',
      frames: [
        { ram: { 0xc7: 0, 0xc8: 0 } },
        { ram: { 0xc8: 0x02 }, reward: 200 },
        { ram: { 0xc7: 0x01 }, reward: 10000 },
      ],
    },
    {
      name: 'the end needs all three bytes',
      frames: [
        { ram: { 0xc6: 0x0b, 0xcd: 0, 0xbf: 0 }, lives: 4, terminal: false },
        { ram: { 0xc6: 0 }, lives: 1, terminal: false },
        { ram: { 0xcd: 0xff }, lives: 1, terminal: false },
        { ram: { 0xbf: 0x80 }, lives: 0, terminal: true },
      ],
    },
  ],
};
