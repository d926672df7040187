// VideoChess.cpp: only on white's turn (0xE1 = 0x82): 0xEE = 0 means black is mated (+1), 1 white (-1), and the game
// ends; lives() 1, 0 at the end.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'video_chess',
  cases: [
    {
      name: 'black mated, seen on white\'s turn',
      frames: [
        { ram: { 0xe1: 0x82, 0xee: 0x05 }, reward: 0, lives: 1, terminal: false },
        { ram: { 0xe1: 0x00, 0xee: 0 }, reward: 0, terminal: false },
        { ram: { 0xe1: 0x82 }, reward: 1, lives: 0, terminal: true },
      ],
    },
    { name: 'white mated', frames: [{ ram: { 0xe1: 0x82, 0xee: 1 }, reward: -1, terminal: true }] },
  ],
};
