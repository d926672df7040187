// Klax.cpp: score, misses and level live in the cartridge's Superchip RAM, which ALE reads at 0xF0B4 (lowest), 0xF0B5,
// 0xF0B6 (score, BCD), 0xF0EE (misses), 0xF0E9 (misses allowed) and 0xF09D (level): Superchip indexes 0x34, 0x35,
// 0x36, 0x6E, 0x69 and 0x1D. The game ends when the misses reach a non-zero allowance, at level 0x99, or while 0xA8
// reads 4 (play) with a bin of 25 cells 0xB3..0xCB and no empty cell (0, 2, 6, 10 and 14 are empty). lives() is 1,
// 0 once it is over.
import type { GameRules } from '../game-rules.test.js';

const cells = (value: number): Record<number, number> =>
  Object.fromEntries(Array.from({ length: 25 }, (_, i) => [0xb3 + i, value]));

const start = { 0x34: 0, 0x35: 0, 0x36: 0, 0x6e: 0, 0x69: 3, 0x1d: 1 };

export const rules: GameRules = {
  game: 'klax',
  cases: [
    {
      name: 'score in BCD in the Superchip, lowest byte first',
      frames: [
        { ram: { 0xa8: 4, ...cells(0) }, cartRam: start, terminal: false, lives: 1 },
        { ram: {}, cartRam: { 0x34: 0x05 }, reward: 5 },
        { ram: {}, cartRam: { 0x35: 0x10 }, reward: 1000 },
        { ram: {}, cartRam: { 0x36: 0x01 }, reward: 10000, terminal: false },
      ],
    },
    {
      name: 'the allowed number of misses ends the game, when there is an allowance',
      frames: [
        { ram: { 0xa8: 4, ...cells(0) }, cartRam: { ...start, 0x69: 0, 0x6e: 0 }, terminal: false },
        { ram: {}, cartRam: { 0x69: 3, 0x6e: 2 }, terminal: false },
        { ram: {}, cartRam: { 0x6e: 3 }, terminal: true, lives: 0 },
      ],
    },
    {
      name: 'level 99 ends the game',
      frames: [
        { ram: { 0xa8: 4, ...cells(0) }, cartRam: { ...start, 0x1d: 0x98 }, terminal: false },
        { ram: {}, cartRam: { 0x1d: 0x99 }, terminal: true, lives: 0 },
      ],
    },
    {
      name: 'a full bin during play ends the game',
      frames: [
        { ram: { 0xa8: 4, ...cells(0) }, cartRam: start, terminal: false, lives: 1 },
        { ram: { ...cells(4), 0xcb: 2 }, terminal: false },
        { ram: { 0xcb: 1 }, reward: 0, terminal: true, lives: 0 },
      ],
    },
    {
      name: 'every empty code leaves room',
      frames: [0, 2, 6, 10, 14].map((empty) => ({ ram: { 0xa8: 4, ...cells(3), 0xc0: empty }, cartRam: start, terminal: false })),
    },
    { name: 'a full bin outside play does not', frames: [{ ram: { 0xa8: 3, ...cells(1) }, cartRam: start, terminal: false, lives: 1 }] },
  ],
};
