// MarioBros.cpp: score = 100 x BCD over 0x8A (lowest), 0x89; lives = RAM 0x87; the game is over at 0.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'mario_bros',
  cases: [
    {
      name: 'score in hundreds, lowest byte first; no lives left ends the game',
      frames: [
        { ram: { 0x89: 0, 0x8a: 0, 0x87: 5 }, lives: 5, terminal: false },
        { ram: { 0x8a: 0x08 }, reward: 800 },
        { ram: { 0x89: 0x01 }, reward: 10000 },
        { ram: { 0x87: 1 }, lives: 1, terminal: false },
        { ram: { 0x87: 0 }, terminal: true, lives: 0 },
      ],
    },
  ],
};
