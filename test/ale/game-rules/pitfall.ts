// Pitfall.cpp: score BCD over 0xD7 (lowest), 0xD6, 0xD5, 2000 at the start; lives from the high nibble of 0x80
// (0xA: 3, 0x8: 2, else 1); over when that nibble is 0 and the logo timer 0x9E is not; lives() 0 then.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'pitfall',
  cases: [
    {
      name: 'score in BCD, lowest byte first; it may fall',
      frames: [
        { ram: { 0xd5: 0, 0xd6: 0x20, 0xd7: 0, 0x80: 0xa0, 0x9e: 0 }, lives: 3, terminal: false },
        { ram: { 0xd6: 0x19, 0xd7: 0x99 }, reward: -1 },
        { ram: { 0xd5: 0x01, 0xd6: 0, 0xd7: 0 }, reward: 8001 },
      ],
    },
    {
      name: 'lives from the high nibble of 0x80; over once it is 0 and the logo timer runs',
      frames: [
        { ram: { 0x80: 0x80, 0x9e: 0 }, lives: 2, terminal: false },
        { ram: { 0x80: 0x20 }, lives: 1, terminal: false },
        { ram: { 0x80: 0x05 }, lives: 1, terminal: false },
        { ram: { 0x9e: 5 }, lives: 0, terminal: true },
      ],
    },
  ],
};
