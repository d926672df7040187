// FlagCapture.cpp: reward = change of the BCD flag count 0xEA; the game ends when the BCD timer 0xEB reads 0.
// lives() is 1, 0 once it is over.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'flag_capture',
  cases: [
    {
      name: 'flags are the reward; the timer at 0 ends the game',
      frames: [
        { ram: { 0xea: 0, 0xeb: 0x30 } },
        { ram: {}, reward: 0, terminal: false, lives: 1 },
        { ram: { 0xea: 0x01 }, reward: 1 },
        { ram: { 0xea: 0x10 }, reward: 9 },
        { ram: { 0xeb: 0x01 }, terminal: false },
        { ram: { 0xeb: 0 }, terminal: true, lives: 0 },
      ],
    },
  ],
};
