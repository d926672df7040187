// KeystoneKapers.cpp: score BCD over 0x9C (lowest), 0x9B; lives = RAM 0x96; the game is over when that is 0 and
// 0x88 reads 0; lives() is 0 then.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'keystone_kapers',
  cases: [
    {
      name: 'score in BCD, lowest byte first',
      frames: [
        { ram: { 0x9b: 0, 0x9c: 0, 0x96: 3, 0x88: 1 }, lives: 3, terminal: false },
        { ram: { 0x9c: 0x50 }, reward: 50 },
        { ram: { 0x9b: 0x12 }, reward: 1200 },
      ],
    },
    {
      name: 'no lives left and 0x88 at 0 end the game',
      frames: [
        { ram: { 0x96: 2, 0x88: 0 }, lives: 2, terminal: false },
        { ram: { 0x96: 0, 0x88: 5 }, lives: 0, terminal: false },
        { ram: { 0x88: 0 }, terminal: true, lives: 0 },
      ],
    },
  ],
};
