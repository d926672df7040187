// Carnival.cpp: score = 10 x (BCD 0xAE + 100 x BCD 0xAD); the game ends when the ammunition 0x83 is below 1;
// lives() is always 0.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'carnival',
  cases: [
    {
      name: 'score in tens and the end when ammunition runs out',
      frames: [
        { ram: { 0xad: 0, 0xae: 0, 0x83: 10 }, terminal: false, lives: 0 },
        { ram: { 0xae: 0x20 }, reward: 200 },
        { ram: { 0xad: 0x01 }, reward: 1000 },
        { ram: { 0x83: 1 }, terminal: false },
        { ram: { 0x83: 0 }, terminal: true, lives: 0 },
      ],
    },
  ],
};
