// BeamRider.cpp: score BCD over 0x89 (lowest), 0x8A, 0x8B; lives = RAM 0x85 + 1, but a drop by exactly one counts
// only on a frame where 0x8C reads 1; 0x85 = 0xFF ends the game (lives() 0 then, whatever the counter says).
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'beam_rider',
  cases: [
    {
      name: 'score in BCD',
      frames: [
        { ram: { 0x89: 0, 0x8a: 0, 0x8b: 0, 0x85: 2, 0x8c: 0 }, lives: 3, terminal: false },
        { ram: { 0x89: 0x44 }, reward: 44 },
        { ram: { 0x8a: 0x02, 0x8b: 0x01 }, reward: 10200 },
      ],
    },
    {
      name: 'a life lost counts once 0x8C reads 1; a jump counts at once',
      frames: [
        { ram: { 0x85: 2, 0x8c: 0 }, lives: 3 },
        { ram: { 0x85: 1 }, lives: 3 },
        { ram: { 0x8c: 1 }, lives: 2 },
        { ram: { 0x85: 5, 0x8c: 0 }, lives: 6 },
        { ram: { 0x85: 0xff }, terminal: true, lives: 0 },
      ],
    },
  ],
};
