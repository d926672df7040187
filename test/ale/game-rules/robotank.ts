// RoboTank.cpp: score = 0xB6 * 12 + 0xB5 (squadrons, tanks); lives = (0xA8 & 15) + 1; over when 0xA8 is 0 and 0xB4
// is 0xFF; lives() 0 then.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'robotank',
  cases: [
    {
      name: 'tanks and squadrons of twelve',
      frames: [
        { ram: { 0xb6: 0, 0xb5: 0, 0xb4: 0, 0xa8: 3 }, lives: 4, terminal: false },
        { ram: { 0xb5: 4 }, reward: 4 },
        { ram: { 0xb6: 1, 0xb5: 0 }, reward: 8 },
        { ram: { 0xb6: 2, 0xb5: 3 }, reward: 15 },
      ],
    },
    {
      name: 'reserve tanks and the end flag',
      frames: [
        { ram: { 0xa8: 0x12, 0xb4: 0 }, lives: 3 },
        { ram: { 0xa8: 0 }, lives: 1, terminal: false },
        { ram: { 0xb4: 0xff }, lives: 0, terminal: true },
      ],
    },
  ],
};
