// NameThisGame.cpp: score BCD over 0xC6 (lowest), 0xC5, 0xC4; lives = RAM 0xC7 & 7; the game is over at 0.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'name_this_game',
  cases: [
    {
      name: 'score in BCD, lowest byte first; lives in the low 3 bits of 0xC7',
      frames: [
        { ram: { 0xc4: 0, 0xc5: 0, 0xc6: 0, 0xc7: 3 }, lives: 3, terminal: false },
        { ram: { 0xc6: 0x50 }, reward: 50 },
        { ram: { 0xc5: 0x01 }, reward: 100 },
        { ram: { 0xc4: 0x01 }, reward: 10000 },
        { ram: { 0xc7: 0xf2 }, lives: 2, terminal: false },
        { ram: { 0xc7: 0x08 }, terminal: true, lives: 0 },
      ],
    },
  ],
};
