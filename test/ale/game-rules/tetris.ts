// Tetris.cpp (its offsets 0x71-0x73 are RAM 0xF1-0xF3): score BCD 0xF1 (low), 0xF2; only rises count as reward;
// over when bit 7 of 0xF3 is set; lives() 0.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'tetris',
  cases: [
    {
      name: 'only rises reward',
      frames: [
        { ram: { 0xf1: 0, 0xf2: 0, 0xf3: 0 }, lives: 0, terminal: false },
        { ram: { 0xf1: 0x40 }, reward: 40 },
        { ram: { 0xf1: 0x20 }, reward: 0 },
        { ram: { 0xf2: 0x01 }, reward: 100 },
      ],
    },
    { name: 'bit 7 of 0xf3 ends it', frames: [{ ram: { 0xf3: 0x81 }, terminal: true, lives: 0 }] },
  ],
};
