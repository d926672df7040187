// Asterix.cpp: score BCD over 0xE0 (lowest), 0xDF, 0xDE; lives = RAM 0xD3 & 0x0F; the game ends when the death
// counter 0xC7 reads 1 with 1 life; lives() is 0 then.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'asterix',
  cases: [
    {
      name: 'score and lives',
      frames: [
        { ram: { 0xde: 0, 0xdf: 0, 0xe0: 0, 0xd3: 0x03, 0xc7: 0 }, terminal: false, lives: 3 },
        { ram: { 0xe0: 0x50 }, reward: 50 },
        { ram: { 0xdf: 0x01, 0xd3: 0xf2 }, reward: 100, lives: 2 },
        { ram: { 0xc7: 0x01 }, terminal: false, lives: 2 },
      ],
    },
    {
      name: 'the death counter at 1 on the last life ends the game',
      frames: [
        { ram: { 0xd3: 0x01, 0xc7: 0x05 }, terminal: false, lives: 1 },
        { ram: { 0xc7: 0x01 }, terminal: true, lives: 0 },
      ],
    },
  ],
};
