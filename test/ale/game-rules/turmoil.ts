// Turmoil.cpp: score = (BCD 0x89 low, 0x8A high, plus the byte 0xD3) times 10; lives = 0xB9; over when 0xB9 is 0
// and 0xC5 is 1; lives() 0 then.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'turmoil',
  cases: [
    {
      name: 'score in tens, with the byte at 0xD3 added',
      frames: [
        { ram: { 0x89: 0, 0x8a: 0, 0xd3: 0 } },
        { ram: { 0x89: 0x15 }, reward: 150 },
        { ram: { 0xd3: 2 }, reward: 20 },
        { ram: { 0x8a: 0x01 }, reward: 1000 },
      ],
    },
    {
      name: 'no lives left, then the end once 0xC5 reads 1',
      frames: [
        { ram: { 0xb9: 3, 0xc5: 0 }, lives: 3, terminal: false },
        { ram: { 0xb9: 0 }, lives: 0, terminal: false },
        { ram: { 0xc5: 1 }, lives: 0, terminal: true },
      ],
    },
  ],
};
