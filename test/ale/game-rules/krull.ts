// Krull.cpp: score BCD over 0x9E (lowest), 0x9D, 0x9C; lives = (RAM 0x9F & 7) + 1; the game is over when 0x9F is 0,
// 0xA2 reads 3 and 0x80 reads 0x80; lives() is 0 then.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'krull',
  cases: [
    {
      name: 'score in BCD, lowest byte first',
      frames: [
        { ram: { 0x9c: 0, 0x9d: 0, 0x9e: 0, 0x9f: 2, 0xa2: 0, 0x80: 0 }, lives: 3, terminal: false },
        { ram: { 0x9e: 0x10 }, reward: 10 },
        { ram: { 0x9d: 0x03 }, reward: 300 },
        { ram: { 0x9c: 0x01 }, reward: 10000 },
      ],
    },
    {
      name: 'the game over needs all three bytes',
      frames: [
        { ram: { 0x9f: 0x08, 0xa2: 3, 0x80: 0x80 }, lives: 1, terminal: false },
        { ram: { 0x9f: 0, 0xa2: 2 }, lives: 1, terminal: false },
        { ram: { 0xa2: 3, 0x80: 0x81 }, terminal: false },
        { ram: { 0x80: 0x80 }, terminal: true, lives: 0 },
      ],
    },
  ],
};
