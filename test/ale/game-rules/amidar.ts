// Amidar.cpp: score BCD over 0xD9 (lowest), 0xDA, 0xDB; 0xD6 = 0x80 ends the game, its low nibble is the lives
// counter (0 does not end the game); lives() is 0 at game over.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'amidar',
  cases: [
    {
      name: 'score in BCD; 0xD6 = 0x80 is game over',
      frames: [
        { ram: { 0xd9: 0, 0xda: 0, 0xdb: 0, 0xd6: 0x0a }, terminal: false, lives: 10 },
        { ram: { 0xd9: 0x07 }, reward: 7 },
        { ram: { 0xdb: 0x01 }, reward: 10000 },
        { ram: { 0xd6: 0x00 }, reward: 0, terminal: false, lives: 0 },
        { ram: { 0xd6: 0x80 }, terminal: true, lives: 0 },
      ],
    },
  ],
};
