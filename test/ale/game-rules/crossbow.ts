// Crossbow.cpp: score BCD over 0x8D (lowest), 0x8C, 0x8B; 0xE7 = 0x82 ends the game; lives() is 1 until then.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'crossbow',
  cases: [
    {
      name: 'score in BCD; 0xE7 = 0x82 is game over',
      frames: [
        { ram: { 0x8b: 0, 0x8c: 0, 0x8d: 0, 0xe7: 0 }, terminal: false, lives: 1 },
        { ram: { 0x8d: 0x50 }, reward: 50 },
        { ram: { 0x8b: 0x01 }, reward: 10000 },
        { ram: { 0xe7: 0x82 }, reward: 0, terminal: true, lives: 0 },
      ],
    },
  ],
};
