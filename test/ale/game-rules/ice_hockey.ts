// IceHockey.cpp: reward = change of (own goals 0x8A - opponent's 0x8B), both BCD, at most +1 a frame (no lower
// bound); the game ends when the clock 0x87 (minutes) and 0x86 (seconds) both read 0. lives() is always 0.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'ice_hockey',
  cases: [
    {
      name: 'goal difference, capped at +1',
      frames: [
        { ram: { 0x8a: 0, 0x8b: 0, 0x87: 3, 0x86: 0 } },
        { ram: { 0x8a: 1 }, reward: 1, terminal: false, lives: 0 },
        { ram: { 0x8b: 1 }, reward: -1 },
        { ram: { 0x8a: 3 }, reward: 1 },
        { ram: { 0x8b: 4 }, reward: -3 },
      ],
    },
    {
      name: 'the clock at 0:00 ends the game',
      frames: [
        { ram: { 0x87: 0, 0x86: 1 }, terminal: false },
        { ram: { 0x86: 0 }, terminal: true, lives: 0 },
      ],
    },
  ],
};
