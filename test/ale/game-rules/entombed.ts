// Entombed.cpp: score = RAM 0xE3 in binary; the game ends when 0xC7 & 3 (lives) is 0; lives() is 1 until then.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'entombed',
  cases: [
    {
      name: 'binary score; the low two bits of 0xC7 at 0 end the game',
      frames: [
        { ram: { 0xe3: 0, 0xc7: 0x03 }, terminal: false, lives: 1 },
        { ram: { 0xe3: 0x12 }, reward: 18 },
        { ram: { 0xc7: 0x01 }, terminal: false, lives: 1 },
        { ram: { 0xc7: 0xfc }, terminal: true, lives: 0 },
      ],
    },
  ],
};
