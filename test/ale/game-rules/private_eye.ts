// PrivateEye.cpp: score BCD over 0xCA (lowest), 0xC9, 0xC8, 1000 at the start; over when 0xC2 is neither 0 nor 1;
// lives() always 0.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'private_eye',
  cases: [
    {
      name: 'score in BCD, rising and falling; no lives',
      frames: [
        { ram: { 0xc8: 0, 0xc9: 0x10, 0xca: 0, 0xc2: 0 }, lives: 0, terminal: false },
        { ram: { 0xca: 0x25 }, reward: 25 },
        { ram: { 0xc9: 0x05, 0xca: 0 }, reward: -525, lives: 0 },
        { ram: { 0xc8: 0x01 }, reward: 10000 },
      ],
    },
    {
      name: 'the copyright timer ends the game once past 1',
      frames: [
        { ram: { 0xc2: 1 }, terminal: false },
        { ram: { 0xc2: 2 }, terminal: true, lives: 0 },
      ],
    },
  ],
};
