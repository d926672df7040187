// CrazyClimber.cpp: score = 100 x (0x82 + 10 x 0x83 + 100 x 0x84 + 1000 x 0x85), one digit per byte, a negative
// change giving 0; lives = RAM 0xAA, 0 ends the game.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'crazy_climber',
  cases: [
    {
      name: 'one digit per byte, in hundreds, never negative',
      frames: [
        { ram: { 0x82: 0, 0x83: 0, 0x84: 0, 0x85: 0, 0xaa: 4 }, terminal: false, lives: 4 },
        { ram: { 0x82: 3 }, reward: 300 },
        { ram: { 0x84: 2 }, reward: 20000 },
        { ram: { 0x84: 0 }, reward: 0 },
        { ram: { 0x83: 1 }, reward: 1000 },
        { ram: { 0xaa: 0 }, terminal: true, lives: 0 },
      ],
    },
  ],
};
