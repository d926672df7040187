// Et.cpp: score BCD over 0xE1 (lowest), 0xE0, 0xDF; lives = RAM 0xE5 + 1; the game is over when that is 0 while
// 0x80 reads 8, which a byte plus one never is: ALE never ends an E.T. episode.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'et',
  cases: [
    {
      name: 'score in BCD, lowest byte first',
      frames: [
        { ram: { 0xdf: 0, 0xe0: 0, 0xe1: 0, 0xe5: 2, 0x80: 0 }, lives: 3, terminal: false },
        { ram: { 0xe1: 0x50 }, reward: 50 },
        { ram: { 0xe0: 0x12 }, reward: 1200 },
        { ram: { 0xdf: 0x01 }, reward: 10000 },
      ],
    },
    {
      name: 'lives are 0xE5 + 1 and the game never ends',
      frames: [
        { ram: { 0xe5: 0, 0x80: 8 }, lives: 1, terminal: false },
        { ram: { 0xe5: 0xff, 0x80: 8 }, lives: 256, terminal: false },
      ],
    },
  ],
};
