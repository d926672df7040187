// Surround.cpp: scores BCD 0xF6 (computer) and 0xF7 (player); reward = change of (player - computer); over when
// either is 10; lives() 1, 0 at the end.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'surround',
  cases: [
    {
      name: 'score difference and the end at 10',
      frames: [
        { ram: { 0xf6: 0, 0xf7: 0 }, lives: 1, terminal: false },
        { ram: { 0xf7: 1 }, reward: 1 },
        { ram: { 0xf6: 2 }, reward: -2 },
        { ram: { 0xf7: 0x10 }, reward: 9, terminal: true, lives: 0 },
      ],
    },
    { name: 'the computer reaching 10', frames: [{ ram: { 0xf6: 0x10, 0xf7: 0x03 }, terminal: true, lives: 0 }] },
  ],
};
