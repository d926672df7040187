// MrDo.cpp: score = 10 x BCD over 0x82 (lowest), 0x83; lives = RAM 0xDB; 0xDA = 0x40 is the game over, whatever the
// lives byte says; lives() is 0 then.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'mr_do',
  cases: [
    {
      name: 'score in tens, lowest byte first',
      frames: [
        { ram: { 0x82: 0, 0x83: 0, 0xdb: 3, 0xda: 0 }, lives: 3, terminal: false },
        { ram: { 0x82: 0x05 }, reward: 50 },
        { ram: { 0x83: 0x01 }, reward: 1000 },
      ],
    },
    {
      name: '0xDA = 0x40 ends the game; no lives alone does not',
      frames: [
        { ram: { 0xdb: 0, 0xda: 0 }, lives: 0, terminal: false },
        { ram: { 0xdb: 2, 0xda: 0x40 }, terminal: true, lives: 0 },
      ],
    },
  ],
};
