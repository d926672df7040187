// BasicMath.cpp: score = BCD 0x84; the game ends when BCD 0x86 is non-zero; lives() is 1 until then, 0 after.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'basic_math',
  cases: [
    {
      name: 'a point per answer; 0x86 non-zero ends the game',
      frames: [
        { ram: { 0x84: 0, 0x86: 0 }, terminal: false, lives: 1 },
        { ram: { 0x84: 0x03 }, reward: 3 },
        { ram: { 0x84: 0x10 }, reward: 7 },
        { ram: { 0x86: 0x10 }, reward: 0, terminal: true, lives: 0 },
      ],
    },
  ],
};
