// DarkChambers.cpp: score = 10 x (BCD 0xCC + 100 x BCD 0xCF); the game ends for good once the level 0xD5 goes down
// (the reset leaves it at 3), the score goes down, or health (0xCA & 0x1F) is 0; lives() is 1 until then, 0 after.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'darkchambers',
  cases: [
    {
      name: 'score in tens; a lower score ends the game',
      frames: [
        { ram: { 0xcc: 0, 0xcf: 0, 0xd5: 3, 0xca: 0x1f }, terminal: false, lives: 1 },
        { ram: { 0xcc: 0x15 }, reward: 150 },
        { ram: { 0xcf: 0x02 }, reward: 2000, terminal: false },
        { ram: { 0xcf: 0x01 }, reward: 0, terminal: true, lives: 0 },
        { ram: { 0xcf: 0x02 }, terminal: true },
      ],
    },
    {
      name: 'a lower level ends the game',
      frames: [
        { ram: { 0xcc: 0, 0xcf: 0, 0xd5: 4, 0xca: 0x01 }, terminal: false },
        { ram: { 0xd5: 3 }, terminal: true, lives: 0 },
      ],
    },
    {
      name: 'no health ends the game (bits above 0x1F do not count)',
      frames: [
        { ram: { 0xcc: 0, 0xcf: 0, 0xd5: 3, 0xca: 0x01 }, terminal: false },
        { ram: { 0xca: 0xe0 }, terminal: true, lives: 0 },
      ],
    },
  ],
};
