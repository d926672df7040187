// Galaxian.cpp: score BCD over 0xAE (lowest), 0xAD, 0xAC, wrapping at 1,000,000; bit 7 of 0xBF is the game over;
// lives = RAM 0xB9 + 1, and 0 once the game is over.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'galaxian',
  cases: [
    {
      name: 'score in BCD, lowest byte first',
      frames: [
        { ram: { 0xac: 0, 0xad: 0, 0xae: 0, 0xbf: 0, 0xb9: 2 }, lives: 3, terminal: false },
        { ram: { 0xae: 0x30 }, reward: 30 },
        { ram: { 0xad: 0x05 }, reward: 500 },
      ],
    },
    {
      name: 'the score wrapping past 999,999 still rewards the points made',
      frames: [
        { ram: { 0xac: 0x99, 0xad: 0x99, 0xae: 0x90, 0xbf: 0 } },
        { ram: { 0xac: 0, 0xad: 0, 0xae: 0x20 }, reward: 30 },
      ],
    },
    {
      name: 'bit 7 of 0xBF ends the game; lives() is then 0',
      frames: [
        { ram: { 0xbf: 0x7f, 0xb9: 2 }, terminal: false, lives: 3 },
        { ram: { 0xbf: 0x80 }, terminal: true, lives: 0 },
      ],
    },
  ],
};
