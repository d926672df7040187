// Kingkong.cpp: score BCD over 0x83 (lowest), 0x82; lives = RAM 0xEE; the game is over at 0.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'king_kong',
  cases: [
    {
      name: 'score in BCD, lowest byte first; no lives left ends the game',
      frames: [
        { ram: { 0x82: 0, 0x83: 0, 0xee: 3 }, lives: 3, terminal: false },
        { ram: { 0x83: 0x25 }, reward: 25 },
        { ram: { 0x82: 0x01 }, reward: 100 },
        { ram: { 0xee: 1 }, lives: 1, terminal: false },
        { ram: { 0xee: 0 }, terminal: true, lives: 0 },
      ],
    },
  ],
};
