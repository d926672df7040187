// BankHeist.cpp: score BCD over 0xDA (lowest), 0xD9, 0xD8; lives = RAM 0xD5; the game ends when the death timer
// 0xCE reads 1 with 0 lives; lives() is 0 then.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'bank_heist',
  cases: [
    {
      name: 'score and lives',
      frames: [
        { ram: { 0xd8: 0, 0xd9: 0, 0xda: 0, 0xd5: 4, 0xce: 0 }, terminal: false, lives: 4 },
        { ram: { 0xda: 0x50 }, reward: 50 },
        { ram: { 0xd9: 0x01, 0xd8: 0x01 }, reward: 10100, lives: 4 },
      ],
    },
    {
      name: 'no lives left ends the game only when the death timer reads 1',
      frames: [
        { ram: { 0xd5: 0, 0xce: 5 }, terminal: false, lives: 0 },
        { ram: { 0xd5: 1, 0xce: 1 }, terminal: false, lives: 1 },
        { ram: { 0xd5: 0, 0xce: 1 }, terminal: true, lives: 0 },
      ],
    },
  ],
};
