// Pacman.cpp: score BCD over 0xCC (lowest), 0xCE, 0xD0; lives = RAM 0x98 + 1; the game is over when that is 1 and
// 0xE4 reads 0x3F; lives() is 0 then.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'pacman',
  cases: [
    {
      name: 'score in BCD, lowest byte first',
      frames: [
        { ram: { 0xcc: 0, 0xce: 0, 0xd0: 0, 0x98: 3, 0xe4: 0 }, lives: 4, terminal: false },
        { ram: { 0xcc: 0x10 }, reward: 10 },
        { ram: { 0xce: 0x02 }, reward: 200 },
        { ram: { 0xd0: 0x01 }, reward: 10000 },
      ],
    },
    {
      name: 'the last life and 0xE4 = 0x3F end the game',
      frames: [
        { ram: { 0x98: 1, 0xe4: 0x3f }, lives: 2, terminal: false },
        { ram: { 0x98: 0, 0xe4: 0x3e }, lives: 1, terminal: false },
        { ram: { 0xe4: 0x3f }, terminal: true, lives: 0 },
      ],
    },
  ],
};
