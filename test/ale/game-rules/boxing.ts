// Boxing.cpp: reward = change in (BCD 0x92 - BCD 0x93), 0xC0 in either meaning a knockout (100), which ends the bout;
// so does the clock reaching 0:00 (0x90 high nibble minutes, 0x91 BCD seconds); lives() is always 0.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'boxing',
  cases: [
    {
      name: 'points difference and the clock',
      frames: [
        { ram: { 0x92: 0, 0x93: 0, 0x90: 0x20, 0x91: 0x00 }, terminal: false, lives: 0 },
        { ram: { 0x92: 0x05 }, reward: 5 },
        { ram: { 0x93: 0x12 }, reward: -12 },
        { ram: { 0x90: 0x00, 0x91: 0x01 }, terminal: false },
        { ram: { 0x91: 0x00 }, terminal: true, lives: 0 },
      ],
    },
    {
      name: 'a knockout counts 100 and ends the bout',
      frames: [
        { ram: { 0x92: 0x10, 0x93: 0x20, 0x90: 0x10, 0x91: 0x30 }, terminal: false },
        { ram: { 0x92: 0xc0 }, reward: 90, terminal: true, lives: 0 },
      ],
    },
  ],
};
