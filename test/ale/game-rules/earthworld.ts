// Earthworld.cpp: score = BCD 0xA7; the game ends at 10; lives() is 1 until then.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'earthworld',
  cases: [
    {
      name: 'score in BCD, over at 10',
      frames: [
        { ram: { 0xa7: 0 }, reward: 0, terminal: false, lives: 1 },
        { ram: { 0xa7: 0x05 }, reward: 5, terminal: false },
        { ram: { 0xa7: 0x10 }, reward: 5, terminal: true, lives: 0 },
      ],
    },
  ],
};
