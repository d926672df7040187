// Centipede.cpp: score BCD over 0xF6 (lowest), 0xF5, 0xF4, a negative change giving 0; lives = bits 4-6 of 0xED,
// plus 1; bit 6 of 0xA6 ends the game; lives() is 0 then.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'centipede',
  cases: [
    {
      name: 'score never gives a negative reward',
      frames: [
        { ram: { 0xf4: 0, 0xf5: 0, 0xf6: 0, 0xed: 0x20, 0xa6: 0 }, terminal: false, lives: 3 },
        { ram: { 0xf6: 0x15 }, reward: 15 },
        { ram: { 0xf5: 0x01 }, reward: 100 },
        { ram: { 0xf5: 0x00, 0xf6: 0x00 }, reward: 0 },
        { ram: { 0xf6: 0x05 }, reward: 5 },
      ],
    },
    {
      name: 'lives from bits 4-6 of 0xED; bit 6 of 0xA6 ends the game',
      frames: [
        { ram: { 0xed: 0xa0, 0xa6: 0xbf }, terminal: false, lives: 3 },
        { ram: { 0xed: 0x0f }, lives: 1 },
        { ram: { 0xa6: 0x40 }, terminal: true, lives: 0 },
      ],
    },
  ],
};
