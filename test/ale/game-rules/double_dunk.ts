// DoubleDunk.cpp: reward = change in (BCD 0xF6 - BCD 0xF7); the game ends when either has 24 and 0xFE = 0xE7;
// lives() is always 0.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'double_dunk',
  cases: [
    {
      name: 'points difference; 24 ends the game once 0xFE reads 0xE7',
      frames: [
        { ram: { 0xf6: 0, 0xf7: 0, 0xfe: 0 }, terminal: false, lives: 0 },
        { ram: { 0xf6: 0x02 }, reward: 2 },
        { ram: { 0xf7: 0x03 }, reward: -3 },
        { ram: { 0xf6: 0x24 }, reward: 22, terminal: false },
        { ram: { 0xfe: 0xe7 }, reward: 0, terminal: true, lives: 0 },
      ],
    },
    {
      name: 'the opponent reaching 24 ends it too',
      frames: [{ ram: { 0xf6: 0x10, 0xf7: 0x24, 0xfe: 0xe7 }, terminal: true }],
    },
  ],
};
