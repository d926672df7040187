// WordZapper.cpp: only while the clock (BCD 0xCF) is not 0: score = 2 - 0xDC (signed), over at 3 or when the time
// (BCD 0xDE) is 0; otherwise the last reward stands. lives() 1, 0 at the end.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'word_zapper',
  cases: [
    {
      name: 'words zapped; the reward stays while the clock is stopped',
      frames: [
        { ram: { 0xcf: 1, 0xdc: 2, 0xde: 0x30 }, terminal: false, lives: 1 },
        { ram: { 0xdc: 1 }, reward: 1 },
        { ram: { 0xcf: 0, 0xdc: 0xff }, reward: 1, terminal: false },
        { ram: { 0xcf: 0x02 }, reward: 2, terminal: true, lives: 0 },
      ],
    },
    {
      name: 'time running out',
      frames: [
        { ram: { 0xcf: 1, 0xdc: 2, 0xde: 0x01 }, terminal: false },
        { ram: { 0xde: 0 }, terminal: true, lives: 0 },
      ],
    },
  ],
};
