// RoadRunner.cpp: four digits in the low nibbles of 0xC9 (lowest)..0xCC, 0xA read as 0, times 100; lives =
// (0xC4 & 7) + 1; over when 0xC4 & 7 is 0 and 0xB9 or 0xBD is not 0; lives() 0 then.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'road_runner',
  cases: [
    {
      name: 'digits in low nibbles, 0xA as 0, in hundreds',
      frames: [
        { ram: { 0xc9: 0, 0xca: 0, 0xcb: 0, 0xcc: 0 } },
        { ram: { 0xc9: 0x05 }, reward: 500 },
        { ram: { 0xca: 0x13 }, reward: 3000 },
        { ram: { 0xc9: 0x0a }, reward: -500 },
        { ram: { 0xcc: 0xf1 }, reward: 100000 },
      ],
    },
    {
      name: 'the last life ends when the x speed on death is set',
      frames: [
        { ram: { 0xc4: 2, 0xb9: 0, 0xbd: 0 }, lives: 3, terminal: false },
        { ram: { 0xc4: 0x08 }, lives: 1, terminal: false },
        { ram: { 0xbd: 3 }, lives: 0, terminal: true },
      ],
    },
    {
      name: 'or the y speed',
      frames: [
        { ram: { 0xc4: 0, 0xb9: 1, 0xbd: 0 }, lives: 0, terminal: true },
      ],
    },
  ],
};
