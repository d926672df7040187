// Berzerk.cpp: score BCD over 0xDF (lowest), 0xDE, 0xDD; lives = RAM 0xDA + 1, 0xDA = 0xFF ends the game (the
// counter then says 256; lives() is 0).
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'berzerk',
  cases: [
    {
      name: 'score and lives',
      frames: [
        { ram: { 0xdd: 0, 0xde: 0, 0xdf: 0, 0xda: 2 }, terminal: false, lives: 3 },
        { ram: { 0xdf: 0x50 }, reward: 50 },
        { ram: { 0xde: 0x01, 0xda: 0 }, reward: 100, lives: 1 },
        { ram: { 0xda: 0xff }, reward: 0, terminal: true, lives: 0 },
      ],
    },
  ],
};
