// Trondead.cpp: score BCD over 0xBF (lowest), 0xBE, 0xBD; lives = 5 - 0xC8 (hits); over at 5 hits; lives() 0 then.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'trondead',
  cases: [
    {
      name: 'score in BCD, lowest byte first',
      frames: [
        { ram: { 0xbd: 0, 0xbe: 0, 0xbf: 0 } },
        { ram: { 0xbf: 0x99 }, reward: 99 },
        { ram: { 0xbe: 0x01, 0xbf: 0 }, reward: 1 },
        { ram: { 0xbd: 0x01 }, reward: 10000 },
      ],
    },
    {
      name: 'five hits end it',
      frames: [
        { ram: { 0xc8: 0 }, lives: 5, terminal: false },
        { ram: { 0xc8: 2 }, lives: 3 },
        { ram: { 0xc8: 5 }, lives: 0, terminal: true },
      ],
    },
  ],
};
