// Asteroids.cpp: score = 10 x (BCD 0xBE + 100 x BCD 0xBD), a negative change wraps by 100,000; lives = high nibble
// of 0xBC, 0 ends the game.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'asteroids',
  cases: [
    {
      name: 'score in tens wrapping at 100,000',
      frames: [
        { ram: { 0xbd: 0, 0xbe: 0, 0xbc: 0x40 }, terminal: false, lives: 4 },
        { ram: { 0xbe: 0x02 }, reward: 20 },
        { ram: { 0xbd: 0x99, 0xbe: 0x99 }, reward: 99970 },
        { ram: { 0xbd: 0x00, 0xbe: 0x05 }, reward: 60 },
        { ram: { 0xbc: 0x1f }, reward: 0, lives: 1, terminal: false },
        { ram: { 0xbc: 0x0f }, terminal: true, lives: 0 },
      ],
    },
  ],
};
