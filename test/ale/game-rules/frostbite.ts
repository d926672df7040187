// Frostbite.cpp: score BCD over 0xCA (lowest), 0xC9, 0xC8; lives = (RAM 0xCC & 0x0F) + 1; the game is over when
// that nibble is 0 and bit 7 of 0xF1 is set; lives() is 0 then.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'frostbite',
  cases: [
    {
      name: 'score in BCD, lowest byte first; lives from the low nibble of 0xCC',
      frames: [
        { ram: { 0xc8: 0, 0xc9: 0, 0xca: 0, 0xcc: 3, 0xf1: 0 }, lives: 4, terminal: false },
        { ram: { 0xca: 0x10 }, reward: 10 },
        { ram: { 0xc9: 0x01 }, reward: 100 },
        { ram: { 0xc8: 0x01 }, reward: 10000 },
        { ram: { 0xcc: 0x12 }, lives: 3 },
      ],
    },
    {
      name: 'no reserve life and bit 7 of 0xF1 end the game',
      frames: [
        { ram: { 0xcc: 0x01, 0xf1: 0x80 }, lives: 2, terminal: false },
        { ram: { 0xcc: 0, 0xf1: 0x7f }, lives: 1, terminal: false },
        { ram: { 0xf1: 0x80 }, terminal: true, lives: 0 },
      ],
    },
  ],
};
