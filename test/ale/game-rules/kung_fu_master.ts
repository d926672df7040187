// KungFuMaster.cpp: score BCD over 0x9A (lowest), 0x99, 0x98; lives = (RAM 0x9D & 7) + 1; 0x9D = 0xFF is the game
// over, and lives() is 0 then (where the formula would give 8).
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'kung_fu_master',
  cases: [
    {
      name: 'score in BCD, lowest byte first; 0x9D = 0xFF ends the game',
      frames: [
        { ram: { 0x98: 0, 0x99: 0, 0x9a: 0, 0x9d: 3 }, lives: 4, terminal: false },
        { ram: { 0x9a: 0x50 }, reward: 50 },
        { ram: { 0x99: 0x02 }, reward: 200 },
        { ram: { 0x98: 0x01 }, reward: 10000 },
        { ram: { 0x9d: 0 }, lives: 1, terminal: false },
        { ram: { 0x9d: 0xff }, terminal: true, lives: 0 },
      ],
    },
  ],
};
