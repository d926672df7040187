// StarGunner.cpp: four digits in the low nibbles of 0x83 (lowest)..0x86, 0xA read as 0, times 100; lives = 0x87 &
// 15 once 0x87 has read 5 (5 before), over when 0x87 is 0; lives() 0 then.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'star_gunner',
  cases: [
    {
      name: 'digits in low nibbles, 0xA as 0, in hundreds',
      frames: [
        { ram: { 0x83: 0, 0x84: 0, 0x85: 0, 0x86: 0, 0x87: 5 } },
        { ram: { 0x83: 0x0a }, reward: 0 },
        { ram: { 0x84: 0x02 }, reward: 2000 },
        { ram: { 0x86: 0x11 }, reward: 100000 },
      ],
    },
    {
      name: 'lives once the game has shown 5',
      frames: [
        { ram: { 0x87: 5 }, lives: 5, terminal: false },
        { ram: { 0x87: 0x13 }, lives: 3 },
        { ram: { 0x87: 0 }, lives: 0, terminal: true },
      ],
    },
  ],
};
