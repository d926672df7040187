// Blackjack.cpp: chips = BCD 0x89 + 100 x BCD 0x86; 0x86 = 0x0B with 0x89 = 0xBB means bust (chips 0) and ends the
// game, as reaching 1,000 chips does; lives() is 1 until then.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'blackjack',
  cases: [
    {
      name: 'chips go up and down; bust ends the game',
      frames: [
        { ram: { 0x86: 0x02, 0x89: 0x00 }, terminal: false, lives: 1 },
        { ram: { 0x89: 0x50 }, reward: 50 },
        { ram: { 0x86: 0x01, 0x89: 0x00 }, reward: -150 },
        { ram: { 0x86: 0x0b, 0x89: 0xbb }, reward: -100, terminal: true, lives: 0 },
      ],
    },
    {
      name: '1,000 chips end the game',
      frames: [
        { ram: { 0x86: 0x09, 0x89: 0x99 }, terminal: false },
        { ram: { 0x86: 0x10, 0x89: 0x00 }, reward: 1, terminal: true, lives: 0 },
      ],
    },
  ],
};
