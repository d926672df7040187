// Skiing.cpp: time = 0xE8 minutes * 6000 + centiseconds (BCD: 0xEA low, 0xE9 high); reward = minus its change;
// over when 0x91 is 0xFF; lives() always 0.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'skiing',
  cases: [
    {
      name: 'elapsed time as negative reward',
      frames: [
        { ram: { 0xe8: 0, 0xe9: 0, 0xea: 0, 0x91: 0 }, lives: 0, terminal: false },
        { ram: { 0xea: 0x50 }, reward: -50 },
        { ram: { 0xe9: 0x01 }, reward: -100 },
        { ram: { 0xe8: 1 }, reward: -6000 },
        { ram: { 0xe8: 0, 0xe9: 0, 0xea: 0 }, reward: 6150 },
      ],
    },
    { name: 'the end flag', frames: [{ ram: { 0x91: 0xff }, terminal: true, lives: 0 }] },
  ],
};
