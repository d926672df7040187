// Atlantis2.cpp: lives = RAM 0xF1, 0xFF ends the game, and that frame gives no reward (the score is not read);
// otherwise score BCD over 0xA1 (lowest), 0xA2, 0xA3; lives() is 0 at game over.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'atlantis2',
  cases: [
    {
      name: 'score in BCD; the game-over frame scores nothing',
      frames: [
        { ram: { 0xa1: 0, 0xa2: 0, 0xa3: 0, 0xf1: 4 }, terminal: false, lives: 4 },
        { ram: { 0xa1: 0x25 }, reward: 25 },
        { ram: { 0xa3: 0x01 }, reward: 10000 },
        { ram: { 0xa1: 0x99, 0xf1: 0xff }, reward: 0, terminal: true, lives: 0 },
      ],
    },
  ],
};
