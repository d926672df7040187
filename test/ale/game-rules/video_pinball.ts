// VideoPinball.cpp: score BCD over 0xB0 (lowest), 0xB2, 0xB4; over when bit 0 of 0xAF is set; lives = 4 + (0xA8 &
// 1) - (0x99 & 7); lives() 0 at the end.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'video_pinball',
  cases: [
    {
      name: 'score in BCD, lowest byte first',
      frames: [
        { ram: { 0xb0: 0, 0xb2: 0, 0xb4: 0 } },
        { ram: { 0xb0: 0x50 }, reward: 50 },
        { ram: { 0xb2: 0x10 }, reward: 1000 },
        { ram: { 0xb4: 0x01 }, reward: 10000 },
      ],
    },
    {
      name: 'ball number and extra ball',
      frames: [
        { ram: { 0x99: 1, 0xa8: 0, 0xaf: 0 }, lives: 3, terminal: false },
        { ram: { 0x99: 2, 0xa8: 1 }, lives: 3 },
        { ram: { 0x99: 0x0b, 0xa8: 0x02 }, lives: 1 },
        { ram: { 0xaf: 0x03 }, lives: 0, terminal: true },
      ],
    },
  ],
};
