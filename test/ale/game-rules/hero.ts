// Hero.cpp: score BCD over 0xB9 (lowest), 0xB8, 0xB7; lives = RAM 0xB3; the game is over at 0.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'hero',
  cases: [
    {
      name: 'score in BCD, lowest byte first; no lives left ends the game',
      frames: [
        { ram: { 0xb7: 0, 0xb8: 0, 0xb9: 0, 0xb3: 4 }, lives: 4, terminal: false },
        { ram: { 0xb9: 0x75 }, reward: 75 },
        { ram: { 0xb8: 0x10 }, reward: 1000 },
        { ram: { 0xb7: 0x01 }, reward: 10000 },
        { ram: { 0xb3: 1 }, lives: 1, terminal: false },
        { ram: { 0xb3: 0 }, terminal: true, lives: 0 },
      ],
    },
  ],
};
