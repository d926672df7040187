// SpaceWar.cpp: score = BCD 0xA7; over at 10 points or when the timer 0x80 is 0; lives() 1, 0 at the end.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'space_war',
  cases: [
    {
      name: 'points to 10',
      frames: [
        { ram: { 0xa7: 0, 0x80: 5 }, lives: 1, terminal: false },
        { ram: { 0xa7: 0x03 }, reward: 3 },
        { ram: { 0xa7: 0x10 }, reward: 7, terminal: true, lives: 0 },
      ],
    },
    { name: 'the timer running out', frames: [{ ram: { 0xa7: 0x02, 0x80: 0 }, terminal: true, lives: 0 }] },
  ],
};
