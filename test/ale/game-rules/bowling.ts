// Bowling.cpp: score = BCD 0xA1 + 100 x BCD 0xA6; the game ends once 0xA4 (the frame) passes 0x10; lives() is
// always 0.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'bowling',
  cases: [
    {
      name: 'score over two bytes and the end after the tenth frame',
      frames: [
        { ram: { 0xa1: 0, 0xa6: 0, 0xa4: 1 }, terminal: false, lives: 0 },
        { ram: { 0xa1: 0x17 }, reward: 17 },
        { ram: { 0xa6: 0x01, 0xa1: 0x05 }, reward: 88 },
        { ram: { 0xa4: 0x10 }, reward: 0, terminal: false, lives: 0 },
        { ram: { 0xa4: 0x11 }, terminal: true, lives: 0 },
      ],
    },
  ],
};
