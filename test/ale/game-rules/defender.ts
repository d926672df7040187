// Defender.cpp: six digits in the low nibbles of 0x9C (lowest) to 0xA1, 0xA reading 0; lives = RAM 0xC2, 0 ends the
// game; lives() is 0 then.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'defender',
  cases: [
    {
      name: 'low nibbles only, 0xA blank',
      frames: [
        { ram: { 0x9c: 0xa, 0x9d: 0xa, 0x9e: 0xa, 0x9f: 0xa, 0xa0: 0xa, 0xa1: 0xa, 0xc2: 3 }, terminal: false, lives: 3 },
        { ram: { 0x9d: 0x05 }, reward: 50 },
        { ram: { 0x9f: 0xf2 }, reward: 2000 },
        { ram: { 0xa1: 0x01 }, reward: 100000 },
        { ram: { 0xc2: 0 }, reward: 0, terminal: true, lives: 0 },
      ],
    },
  ],
};
