// RiverRaid.cpp: six digits, each a byte holding digit * 8 (any other value reads 0): ones 0xD7, tens 0xD5, then
// 0xD3, 0xD1, 0xCF, 0xCD. Lives byte 0xC0: over when it goes from 0x59 to 0x58; lives() 4 for 0x58, 1 for 0x59,
// else byte / 8 + 1, and 0 at the end.
import type { GameRules } from '../game-rules.test.js';

const zero = { 0xcd: 0, 0xcf: 0, 0xd1: 0, 0xd3: 0, 0xd5: 0, 0xd7: 0 };

export const rules: GameRules = {
  game: 'riverraid',
  cases: [
    {
      name: 'digits stored as digit * 8',
      frames: [
        { ram: zero },
        { ram: { 0xd7: 40 }, reward: 5 },
        { ram: { 0xd5: 72 }, reward: 90 },
        { ram: { 0xcd: 8 }, reward: 100000 },
        { ram: { 0xd7: 41 }, reward: -5 },
      ],
    },
    {
      name: 'lives from 0xC0; the game ends when 0x59 turns into 0x58',
      frames: [
        { ram: { 0xc0: 0x58 }, lives: 4, terminal: false },
        { ram: { 0xc0: 0x10 }, lives: 3, terminal: false },
        { ram: { 0xc0: 0x59 }, lives: 1, terminal: false },
        { ram: { 0xc0: 0x58 }, lives: 0, terminal: true },
      ],
    },
  ],
};
