// ElevatorAction.cpp: score BCD over 0x89 (lowest), 0x88, 0x87; lives = RAM 0x83; 0 lives end the game except on
// the start screen (0x81 = 0); lives() is 0 then.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'elevator_action',
  cases: [
    {
      name: 'score in BCD',
      frames: [
        { ram: { 0x87: 0, 0x88: 0, 0x89: 0, 0x83: 3, 0x81: 1 }, terminal: false, lives: 3 },
        { ram: { 0x89: 0x50 }, reward: 50 },
        { ram: { 0x88: 0x01, 0x87: 0x02 }, reward: 20100 },
      ],
    },
    {
      name: '0 lives on the start screen is not the end',
      frames: [
        { ram: { 0x83: 0, 0x81: 0 }, terminal: false, lives: 0 },
        { ram: { 0x81: 4 }, terminal: true, lives: 0 },
      ],
    },
  ],
};
