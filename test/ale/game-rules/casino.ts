// Casino.cpp: chips = BCD 0x95 + 100 x BCD 0x8C. Outside mode 3 (0xD4) the reward only changes while input is
// enabled (0xD3 bit 7 clear; otherwise the last reward stands), and the game ends with no chips or with a bet
// (BCD 0x9E) placed while input is disabled. In mode 3 it ends with chips left once 0x9E reads 0xAA. lives() is 1
// until the end.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'casino',
  cases: [
    {
      name: 'rewards while input is enabled; a bet with input disabled ends the game',
      frames: [
        { ram: { 0xd4: 0, 0xd3: 0, 0x95: 0x00, 0x8c: 0x10, 0x9e: 0 }, terminal: false, lives: 1 },
        { ram: { 0x95: 0x50 }, reward: 50 },
        { ram: { 0xd3: 0x80, 0x95: 0x60 }, reward: 50, terminal: false },
        { ram: { 0xd3: 0x00, 0x95: 0x70 }, reward: 10 },
        { ram: { 0xd3: 0x80, 0x9e: 0x05 }, terminal: true, lives: 0 },
      ],
    },
    {
      name: 'no chips left ends the game',
      frames: [{ ram: { 0xd4: 0, 0xd3: 0, 0x95: 0, 0x8c: 0, 0x9e: 0 }, terminal: true, lives: 0 }],
    },
    {
      name: 'mode 3 ends once the award is paid',
      frames: [
        { ram: { 0xd4: 3, 0xd3: 0x80, 0x95: 0x20, 0x8c: 0, 0x9e: 0 }, terminal: false },
        { ram: { 0x95: 0x40 }, reward: 20, terminal: false },
        { ram: { 0x9e: 0xaa }, reward: 0, terminal: true, lives: 0 },
      ],
    },
  ],
};
