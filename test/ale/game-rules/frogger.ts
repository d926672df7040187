// Frogger.cpp: score BCD over 0xCE (lowest), 0xCC; lives = RAM 0xD0, which reads 0xFF once the game is over;
// lives() is 0 then.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'frogger',
  cases: [
    {
      name: 'score in BCD, lowest byte first; 0xD0 = 0xFF ends the game',
      frames: [
        { ram: { 0xcc: 0, 0xce: 0, 0xd0: 4 }, lives: 4, terminal: false },
        { ram: { 0xce: 0x01 }, reward: 1 },
        { ram: { 0xcc: 0x02 }, reward: 200 },
        { ram: { 0xd0: 0 }, lives: 0, terminal: false },
        { ram: { 0xd0: 0xff }, terminal: true, lives: 0 },
      ],
    },
  ],
};
