// Atlantis.cpp: score = 100 x BCD over 0xA2 (lowest), 0xA3, 0xA1; lives = RAM 0xF1, 0xFF ends the game, and that
// frame gives no reward and keeps the old score (0xA1 holds garbage then); lives() is 0 at game over.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'atlantis',
  cases: [
    {
      name: 'score in hundreds; the game-over frame scores nothing',
      frames: [
        { ram: { 0xa1: 0, 0xa2: 0, 0xa3: 0, 0xf1: 5 }, terminal: false, lives: 5 },
        { ram: { 0xa2: 0x12 }, reward: 1200 },
        { ram: { 0xa3: 0x03 }, reward: 30000 },
        { ram: { 0xa1: 0x10 }, reward: 10000000 },
        { ram: { 0xa1: 0x99, 0xf1: 0xff }, reward: 0, terminal: true, lives: 0 },
      ],
    },
    {
      name: 'the score kept at game over is the one before it',
      frames: [
        { ram: { 0xa1: 0, 0xa2: 0, 0xa3: 0, 0xf1: 2 } },
        { ram: { 0xa2: 0x05 }, reward: 500 },
        { ram: { 0xa2: 0x99, 0xf1: 0xff }, reward: 0, terminal: true },
      ],
    },
  ],
};
