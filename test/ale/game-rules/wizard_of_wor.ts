// WizardOfWor.cpp: score BCD 0x86 (low), 0x88, less 8000 from 8000 up, times 100; lives = 0x8D & 15, taken only
// while bit 0 of 0xD7 is clear; over when that nibble is 0 and 0xF4 is 0xF8; lives() 0 then.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'wizard_of_wor',
  cases: [
    {
      name: 'score in hundreds, 8000 and up wrapping',
      frames: [
        { ram: { 0x86: 0, 0x88: 0 } },
        { ram: { 0x86: 0x05 }, reward: 500 },
        { ram: { 0x86: 0, 0x88: 0x80 }, reward: -500 },
        { ram: { 0x88: 0x81 }, reward: 10000 },
      ],
    },
    {
      name: 'lives only while waiting to enter',
      frames: [
        { ram: { 0xd7: 0, 0x8d: 0x23, 0xf4: 0 }, lives: 3, terminal: false },
        { ram: { 0xd7: 1, 0x8d: 0x21 }, lives: 3 },
        { ram: { 0xd7: 0 }, lives: 1 },
        { ram: { 0x8d: 0x20 }, lives: 0, terminal: false },
        { ram: { 0xf4: 0xf8 }, lives: 0, terminal: true },
      ],
    },
  ],
};
