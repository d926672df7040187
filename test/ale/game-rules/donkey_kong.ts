// DonkeyKong.cpp: score = 100 x (BCD 0x88 + 100 x BCD 0x87); lives = RAM 0xA3; the game ends with 0 lives while
// 0x8F = 0x03 and 0x8B = 0x1F; lives() is 0 then.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'donkey_kong',
  cases: [
    {
      name: 'score in hundreds',
      frames: [
        { ram: { 0x87: 0, 0x88: 0, 0xa3: 2 }, terminal: false, lives: 2 },
        { ram: { 0x88: 0x01 }, reward: 100 },
        { ram: { 0x87: 0x01 }, reward: 10000 },
      ],
    },
    {
      name: 'the end needs 0 lives and both end-screen bytes',
      frames: [
        { ram: { 0xa3: 0, 0x8f: 0x03, 0x8b: 0 }, terminal: false, lives: 0 },
        { ram: { 0x8f: 0x02, 0x8b: 0x1f }, terminal: false },
        { ram: { 0xa3: 1, 0x8f: 0x03 }, terminal: false, lives: 1 },
        { ram: { 0xa3: 0 }, terminal: true, lives: 0 },
      ],
    },
  ],
};
