// Gopher.cpp: score BCD over 0xB2 (lowest), 0xB1, 0xB0; bits 0-2 of 0xB4 are the carrots left, which are the lives
// (one per set bit); none left ends the game, and lives() is 0.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'gopher',
  cases: [
    {
      name: 'score in BCD, lowest byte first',
      frames: [
        { ram: { 0xb0: 0, 0xb1: 0, 0xb2: 0, 0xb4: 7 }, lives: 3, terminal: false },
        { ram: { 0xb2: 0x20 }, reward: 20 },
        { ram: { 0xb1: 0x01 }, reward: 100 },
        { ram: { 0xb0: 0x01 }, reward: 10000 },
      ],
    },
    {
      name: 'a life per carrot; the last one eaten ends the game',
      frames: [
        { ram: { 0xb4: 0x05 }, lives: 2, terminal: false },
        { ram: { 0xb4: 0x0a }, lives: 1, terminal: false },
        { ram: { 0xb4: 0x04 }, lives: 1 },
        { ram: { 0xb4: 0xf8 }, terminal: true, lives: 0 },
      ],
    },
  ],
};
