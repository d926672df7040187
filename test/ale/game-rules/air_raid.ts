// AirRaid.cpp: score BCD over 0xAA (lowest), 0xA9, 0xA8; 0xA7 = 0xFF ends the game; lives() is 1 until then, 0 after.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'air_raid',
  cases: [
    {
      name: 'score in BCD, lowest byte first; game over at 0xA7 = 0xFF',
      frames: [
        { ram: { 0xaa: 0, 0xa9: 0, 0xa8: 0, 0xa7: 2 }, terminal: false, lives: 1 },
        { ram: { 0xaa: 0x25 }, reward: 25 },
        { ram: { 0xa9: 0x01 }, reward: 100 },
        { ram: { 0xa8: 0x02 }, reward: 20000, terminal: false, lives: 1 },
        { ram: { 0xa7: 0xff }, reward: 0, terminal: true, lives: 0 },
      ],
    },
  ],
};
