// Pong.cpp: 0x8D computer score, 0x8E player score; reward = change of (player - computer); over at 21; no lives.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'pong',
  cases: [
    {
      name: 'score difference and the end at 21',
      frames: [
        { ram: { 0x8d: 0, 0x8e: 0 }, reward: 0, terminal: false, lives: 0 },
        { ram: { 0x8e: 1 }, reward: 1 },
        { ram: { 0x8d: 3 }, reward: -3 },
        { ram: { 0x8d: 21 }, reward: -18, terminal: true, lives: 0 },
      ],
    },
    { name: 'the player reaching 21 ends it too', frames: [{ ram: { 0x8d: 4, 0x8e: 21 }, terminal: true }] },
  ],
};
