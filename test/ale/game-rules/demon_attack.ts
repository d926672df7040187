// DemonAttack.cpp: score BCD over 0x85 (lowest), 0x83, 0x81, except 0xEA/0xCD/0xAB there (the title) counts 0;
// lives = displayed bunkers (0xF2) + 1; the game ends with none displayed while 0xF1 = 0xBD (not on the first frame
// after a mode change, which the reset's frames are past); lives() is 0 then.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'demon_attack',
  cases: [
    {
      name: 'score in BCD; the title pattern counts 0',
      frames: [
        { ram: { 0x81: 0, 0x83: 0, 0x85: 0, 0xf2: 3, 0xf1: 0 }, terminal: false, lives: 4 },
        { ram: { 0x85: 0x10 }, reward: 10 },
        { ram: { 0x83: 0x01 }, reward: 100 },
        { ram: { 0x81: 0xab, 0x83: 0xcd, 0x85: 0xea }, reward: -110 },
      ],
    },
    {
      name: 'no bunkers shown and 0xF1 = 0xBD ends the game',
      frames: [
        { ram: { 0xf2: 0, 0xf1: 0 }, terminal: false, lives: 1 },
        { ram: { 0xf1: 0xbd }, terminal: true, lives: 0 },
      ],
    },
  ],
};
