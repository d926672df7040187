// Tennis.cpp: points 0xC5 (player) / 0xC6, games 0xC7 / 0xC8; reward = change of the game lead if any, else change
// of the point lead; over at 6 games with a lead of 2, or at 7; lives() always 0.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'tennis',
  cases: [
    {
      name: 'game lead first, then point lead',
      frames: [
        { ram: { 0xc5: 0, 0xc6: 0, 0xc7: 0, 0xc8: 0 }, lives: 0 },
        { ram: { 0xc5: 1 }, reward: 1 },
        { ram: { 0xc6: 3 }, reward: -3 },
        { ram: { 0xc5: 0, 0xc6: 0, 0xc7: 1 }, reward: 1 },
        { ram: { 0xc5: 2 }, reward: 2 },
        { ram: { 0xc5: 2 }, reward: 0 },
        { ram: { 0xc8: 2 }, reward: -2, terminal: false },
      ],
    },
    {
      name: 'the set ends at 6 games with a lead of 2',
      frames: [
        { ram: { 0xc7: 6, 0xc8: 5 }, terminal: false },
        { ram: { 0xc8: 4 }, terminal: true, lives: 0 },
      ],
    },
    { name: 'or at 7', frames: [{ ram: { 0xc7: 6, 0xc8: 7 }, terminal: true }] },
  ],
};
