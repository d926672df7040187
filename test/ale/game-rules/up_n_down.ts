// UpNDown.cpp: score BCD over 0x82 (lowest), 0x81, 0x80; lives = (0x86 & 15) + 1; over when 0x86 & 15 is 0 and the
// death timer 0x94 is above 0x40; lives() 0 then.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'up_n_down',
  cases: [
    {
      name: 'score in BCD, lowest byte first',
      frames: [
        { ram: { 0x80: 0, 0x81: 0, 0x82: 0 } },
        { ram: { 0x82: 0x10 }, reward: 10 },
        { ram: { 0x80: 0x01 }, reward: 10000 },
      ],
    },
    {
      name: 'the last life ends past a death timer of 0x40',
      frames: [
        { ram: { 0x86: 2, 0x94: 0 }, lives: 3, terminal: false },
        { ram: { 0x86: 0xf0 }, lives: 1, terminal: false },
        { ram: { 0x94: 0x40 }, lives: 1, terminal: false },
        { ram: { 0x94: 0x41 }, lives: 0, terminal: true },
      ],
    },
  ],
};
