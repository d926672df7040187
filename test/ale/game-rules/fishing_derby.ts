// FishingDerby.cpp: reward = change of (own catch 0xBD - opponent's 0xBE), both BCD; either reading 0x99 ends the
// game. lives() is always 0.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'fishing_derby',
  cases: [
    {
      name: 'the catch difference is the reward',
      frames: [
        { ram: { 0xbd: 0, 0xbe: 0 } },
        { ram: { 0xbd: 0x05 }, reward: 5, terminal: false, lives: 0 },
        { ram: { 0xbe: 0x12 }, reward: -12 },
        { ram: { 0xbd: 0x10 }, reward: 5 },
      ],
    },
    { name: '99 pounds ends the game', frames: [{ ram: { 0xbd: 0x99, 0xbe: 0x50 }, terminal: true, lives: 0 }] },
    { name: "the opponent's 99 ends it too", frames: [{ ram: { 0xbd: 0x50, 0xbe: 0x99 }, terminal: true }] },
  ],
};
