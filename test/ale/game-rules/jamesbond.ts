// JamesBond.cpp: score BCD over 0xDC (lowest), 0xDD, 0xDE; lives = (RAM 0x86 & 0x0F) + 1; the game is over when
// that nibble is 0 and 0x8C reads 0x68; lives() is 0 then.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'jamesbond',
  cases: [
    {
      name: 'score in BCD, lowest byte first',
      frames: [
        { ram: { 0xdc: 0, 0xdd: 0, 0xde: 0, 0x86: 5, 0x8c: 0 }, lives: 6, terminal: false },
        { ram: { 0xdc: 0x50 }, reward: 50 },
        { ram: { 0xdd: 0x02 }, reward: 200 },
        { ram: { 0xde: 0x01 }, reward: 10000 },
      ],
    },
    {
      name: 'no reserve life and screen 0x68 end the game',
      frames: [
        { ram: { 0x86: 0x01, 0x8c: 0x68 }, lives: 2, terminal: false },
        { ram: { 0x86: 0x30, 0x8c: 0 }, lives: 1, terminal: false },
        { ram: { 0x8c: 0x68 }, terminal: true, lives: 0 },
      ],
    },
  ],
};
