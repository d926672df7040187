// HumanCannonball.cpp: reward = change of the BCD hit count 0xB6; 7 hits or 7 misses (0xB7, BCD) end the game.
// lives() is 1, 0 once it is over.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'human_cannonball',
  cases: [
    {
      name: 'hits are the reward; the seventh miss ends the game',
      frames: [
        { ram: { 0xb6: 0, 0xb7: 0 } },
        { ram: {}, reward: 0, terminal: false, lives: 1 },
        { ram: { 0xb6: 1 }, reward: 1 },
        { ram: { 0xb7: 6 }, reward: 0, terminal: false },
        { ram: { 0xb7: 7 }, terminal: true, lives: 0 },
      ],
    },
    {
      name: 'the seventh hit ends it too',
      frames: [
        { ram: { 0xb6: 6, 0xb7: 2 } },
        { ram: { 0xb6: 7 }, reward: 1, terminal: true, lives: 0 },
      ],
    },
  ],
};
