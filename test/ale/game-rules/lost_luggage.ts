// LostLuggage.cpp: score BCD over 0x96 (lowest), 0x95, 0x94; lives = RAM 0xCA; the game is over when that is 0,
// 0xC8 reads 0x0A and 0xA5 and 0xA9 read 0; lives() is 0 then.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'lost_luggage',
  cases: [
    {
      name: 'score in BCD, lowest byte first',
      frames: [
        { ram: { 0x94: 0, 0x95: 0, 0x96: 0, 0xca: 3, 0xc8: 0, 0xa5: 0, 0xa9: 0 }, lives: 3, terminal: false },
        { ram: { 0x96: 0x03 }, reward: 3 },
        { ram: { 0x95: 0x01 }, reward: 100 },
        { ram: { 0x94: 0x01 }, reward: 10000 },
      ],
    },
    {
      name: 'the game over needs all four bytes',
      frames: [
        { ram: { 0xca: 1, 0xc8: 0x0a, 0xa5: 0, 0xa9: 0 }, lives: 1, terminal: false },
        { ram: { 0xca: 0, 0xc8: 0x0a, 0xa5: 1, 0xa9: 0 }, lives: 0, terminal: false },
        { ram: { 0xa5: 0, 0xa9: 1 }, terminal: false },
        { ram: { 0xa9: 0, 0xc8: 0x0b }, terminal: false },
        { ram: { 0xc8: 0x0a }, terminal: true, lives: 0 },
      ],
    },
  ],
};
