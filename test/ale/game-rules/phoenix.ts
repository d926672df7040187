// Phoenix.cpp: score = 10 x (10 x BCD over 0xC8 (lowest), 0xC9 + high nibble of 0xC7); 0xCC = 0x80 is the game
// over; lives = RAM 0xCB & 7, and 0 once the game is over.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'phoenix',
  cases: [
    {
      name: 'score: four BCD digits and a fifth in the high nibble of 0xC7, in tens',
      frames: [
        { ram: { 0xc7: 0, 0xc8: 0, 0xc9: 0, 0xcc: 0, 0xcb: 5 }, lives: 5, terminal: false },
        { ram: { 0xc7: 0x20 }, reward: 20 },
        { ram: { 0xc7: 0x2f }, reward: 0 },
        { ram: { 0xc8: 0x01 }, reward: 100 },
        { ram: { 0xc9: 0x01 }, reward: 10000 },
      ],
    },
    {
      name: '0xCC = 0x80 ends the game',
      frames: [
        { ram: { 0xcb: 0x0a, 0xcc: 0x81 }, lives: 2, terminal: false },
        { ram: { 0xcc: 0x80 }, terminal: true, lives: 0 },
      ],
    },
  ],
};
