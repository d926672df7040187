// Koolaid.cpp: score = 100 x BCD over 0x81 (lowest), 0x80; 0xD1 = 0x80 is the game over. lives() is always 0.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'koolaid',
  cases: [
    {
      name: 'score in hundreds, lowest byte first',
      frames: [
        { ram: { 0x80: 0, 0x81: 0, 0xd1: 0 } },
        { ram: { 0x81: 0x05 }, reward: 500, terminal: false, lives: 0 },
        { ram: { 0x80: 0x01 }, reward: 10000 },
      ],
    },
    {
      name: '0xD1 = 0x80 ends the game',
      frames: [
        { ram: { 0xd1: 0x81 }, terminal: false },
        { ram: { 0xd1: 0x80 }, terminal: true, lives: 0 },
      ],
    },
  ],
};
