// Assault.cpp: score BCD over 0x82 (lowest), 0x81, 0x80; lives = RAM 0xE5, the game ends when it reads 0.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'assault',
  cases: [
    {
      name: 'score in BCD and lives from 0xE5',
      frames: [
        { ram: { 0x80: 0, 0x81: 0, 0x82: 0, 0xe5: 3 }, terminal: false, lives: 3 },
        { ram: { 0x82: 0x21 }, reward: 21 },
        { ram: { 0x81: 0x10, 0x80: 0x01 }, reward: 11000, lives: 3 },
        { ram: { 0xe5: 1 }, reward: 0, terminal: false, lives: 1 },
        { ram: { 0xe5: 0 }, terminal: true, lives: 0 },
      ],
    },
  ],
};
