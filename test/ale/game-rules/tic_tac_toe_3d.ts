// TicTacToe3d.cpp: over when the return address at 0xFE/0xFF is 0xF310 (+1 if 0xE1 is 8, else -1) or when none of
// the cells 0x9A..0xD9 is 0; lives() 1, 0 at the end.
import type { GameRules } from '../game-rules.test.js';

const fullBoard: Record<number, number> = {};
for (let cell = 0x9a; cell <= 0xd9; cell++) fullBoard[cell] = 1;

export const rules: GameRules = {
  game: 'tic_tac_toe_3d',
  cases: [
    {
      name: 'the player wins',
      frames: [
        { ram: { 0xfe: 0, 0xff: 0, 0xe1: 8, 0x9a: 0 }, reward: 0, lives: 1, terminal: false },
        { ram: { 0xfe: 0x10, 0xff: 0xf3 }, reward: 1, lives: 0, terminal: true },
      ],
    },
    { name: 'the computer wins', frames: [{ ram: { 0xfe: 0x10, 0xff: 0xf3, 0xe1: 0, 0x9a: 0 }, reward: -1, terminal: true }] },
    {
      name: 'a full board is a draw',
      frames: [
        { ram: { ...fullBoard, 0xd9: 0, 0xfe: 0, 0xff: 0 }, reward: 0, terminal: false },
        { ram: { 0xd9: 2 }, reward: 0, terminal: true, lives: 0 },
      ],
    },
  ],
};
