// Othello.cpp: reward = change of (white discs 0xCE - black discs 0xD0), both BCD; the game is taken as over once
// 0xC0 has read 0 for more than 50 frames in a row. lives() is 1, 0 once it is over.
import type { GameRules, RuleFrame } from '../game-rules.test.js';

const idle = (frames: number): RuleFrame[] => Array.from({ length: frames }, () => ({ ram: { 0xc0: 0 } }));

export const rules: GameRules = {
  game: 'othello',
  cases: [
    {
      name: 'the disc difference is the reward',
      frames: [
        { ram: { 0xce: 0x02, 0xd0: 0x02, 0xc0: 1 } },
        { ram: { 0xce: 0x04, 0xd0: 0x01 }, reward: 3, terminal: false, lives: 1 },
        { ram: { 0xce: 0x12, 0xd0: 0x10 }, reward: -1 },
      ],
    },
    {
      name: 'the 51st frame in a row without input ends the game',
      frames: [
        { ram: { 0xc0: 1 } },
        ...idle(49),
        { ram: { 0xc0: 0 }, terminal: false, lives: 1 },
        { ram: { 0xc0: 0 }, terminal: true, lives: 0 },
      ],
    },
    {
      name: 'input restarts the count',
      frames: [{ ram: { 0xc0: 1 } }, ...idle(50), { ram: { 0xc0: 5 }, terminal: false }, ...idle(50),
        { ram: { 0xc0: 0 }, terminal: true }],
    },
  ],
};
