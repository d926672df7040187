// Alien.cpp: five digits at 0x8B (lowest), 0x89, 0x87, 0x85, 0x83, each byte >> 3 (0x80 = blank = 0), the score in
// tens; lives = RAM 0xC0 & 0x0F, 0 ends the game; lives() reports the counter.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'alien',
  cases: [
    {
      name: 'digits as byte >> 3, in tens; lives in the low nibble of 0xC0',
      frames: [
        { ram: { 0x83: 0x80, 0x85: 0x80, 0x87: 0x80, 0x89: 0x80, 0x8b: 0x80, 0xc0: 0x13 }, terminal: false, lives: 3 },
        { ram: { 0x8b: 0x10 }, reward: 20 },
        { ram: { 0x87: 0x18 }, reward: 3000 },
        { ram: { 0x83: 0x08 }, reward: 100000, lives: 3 },
        { ram: { 0xc0: 0xf0 }, reward: 0, terminal: true, lives: 0 },
      ],
    },
  ],
};
