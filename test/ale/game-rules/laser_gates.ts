// LaserGates.cpp: score BCD over 0x82 (lowest), 0x81, 0x80; 0x83 at 0 is the game over. lives() is always 0.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'laser_gates',
  cases: [
    {
      name: 'score in BCD; 0x83 at 0 ends the game',
      frames: [
        { ram: { 0x80: 0, 0x81: 0, 0x82: 0, 0x83: 0x10 }, terminal: false, lives: 0 },
        { ram: { 0x82: 0x25 }, reward: 25 },
        { ram: { 0x81: 0x03 }, reward: 300 },
        { ram: { 0x80: 0x01 }, reward: 10000 },
        { ram: { 0x83: 0 }, terminal: true, lives: 0 },
      ],
    },
  ],
};
