// Gravitar.cpp: score BCD over 0x89 (lowest), 0x88, 0x87; 0x81 is the screen byte (1 = game over, 0 = title, where
// lives read 6); otherwise lives = RAM 0x84 + 1; lives() is 0 once the game is over.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'gravitar',
  cases: [
    {
      name: 'score in BCD, lowest byte first',
      frames: [
        { ram: { 0x87: 0, 0x88: 0, 0x89: 0, 0x81: 2, 0x84: 5 }, lives: 6, terminal: false },
        { ram: { 0x89: 0x50 }, reward: 50 },
        { ram: { 0x88: 0x12, 0x89: 0x75 }, reward: 1225 },
        { ram: { 0x87: 0x01 }, reward: 10000 },
      ],
    },
    {
      name: 'title screen shows 6 lives; game over reports 0 whatever 0x84 holds',
      frames: [
        { ram: { 0x81: 0, 0x84: 2 }, lives: 6, terminal: false },
        { ram: { 0x81: 3, 0x84: 2 }, lives: 3, terminal: false },
        { ram: { 0x81: 1, 0x84: 3 }, lives: 0, terminal: true },
      ],
    },
  ],
};
