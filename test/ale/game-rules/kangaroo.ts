// Kangaroo.cpp: score = 100 x BCD over 0xA8 (lowest), 0xA7; lives = (RAM 0xAD & 7) + 1; 0xAD = 0xFF is the game
// over, and lives() is 0 then (where the formula would give 8).
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'kangaroo',
  cases: [
    {
      name: 'score in hundreds, lowest byte first; 0xAD = 0xFF ends the game',
      frames: [
        { ram: { 0xa7: 0, 0xa8: 0, 0xad: 2 }, lives: 3, terminal: false },
        { ram: { 0xa8: 0x02 }, reward: 200 },
        { ram: { 0xa7: 0x01 }, reward: 10000 },
        { ram: { 0xad: 0 }, lives: 1, terminal: false },
        { ram: { 0xad: 0xff }, terminal: true, lives: 0 },
      ],
    },
  ],
};
